import type {} from '@fastify/cookie';
import { Controller, Delete, Get, Header, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ADMIN_SESSION_COOKIE, AdminAuth, AdminSessionsService, CurrentAdmin, type AdminPrincipal } from '@hub/access';
import { AdminSessionDto } from './admin-session.dto.js';

/** HttpOnly (no script reads it), SameSite=Strict (no other site sends it), Secure over https, only under /admin. */
function cookieOptions(request: FastifyRequest, expires?: Date) {
  return { path: '/admin', httpOnly: true, sameSite: 'strict' as const, secure: request.protocol === 'https', ...(expires ? { expires } : {}) };
}

@ApiTags('admin')
@Controller('admin/session')
export class AdminSessionController {
  constructor(private readonly sessions: AdminSessionsService) {}

  @Post()
  @AdminAuth({ via: 'token' })
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Sign in to the dashboard: exchange the admin token for a session cookie',
    description: 'Send the admin token as `Authorization: Bearer …`; the answer sets an HttpOnly, SameSite=Strict cookie for /admin (Secure over https). The session ends after 12 hours, after an hour unused, or at sign-out.',
  })
  @ApiCreatedResponse({ type: AdminSessionDto, headers: { 'Set-Cookie': { description: `${ADMIN_SESSION_COOKIE}=…; Path=/admin; HttpOnly; SameSite=Strict`, schema: { type: 'string' } } } })
  async signIn(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<AdminSessionDto> {
    const session = await this.sessions.open(request.headers['user-agent']);
    reply.setCookie(ADMIN_SESSION_COOKIE, session.token, cookieOptions(request, session.expiresUtc));
    return { via: 'session', expiresUtc: session.expiresUtc.toISOString(), csrfToken: session.csrfToken };
  }

  @Get()
  @AdminAuth()
  @Header('Cache-Control', 'no-store')
  @ApiOperation({ summary: 'Who am I: the session’s expiry and CSRF token (the dashboard reads it on load)' })
  @ApiOkResponse({ type: AdminSessionDto })
  current(@CurrentAdmin() admin: AdminPrincipal): AdminSessionDto {
    return admin.kind === 'session'
      ? { via: 'session', expiresUtc: admin.session.expiresUtc.toISOString(), csrfToken: admin.session.csrfToken }
      : { via: 'token', expiresUtc: null, csrfToken: null };
  }

  @Delete()
  @AdminAuth()
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out: revoke the session (in every API process) and clear the cookie' })
  @ApiNoContentResponse({ description: 'Signed out' })
  async signOut(@CurrentAdmin() admin: AdminPrincipal, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<void> {
    if (admin.kind === 'session') await this.sessions.revoke(admin.token);
    reply.clearCookie(ADMIN_SESSION_COOKIE, cookieOptions(request));
  }
}
