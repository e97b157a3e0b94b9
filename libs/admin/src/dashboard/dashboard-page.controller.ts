import { Controller, Get, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ADMIN_SECURITY, ADMIN_SESSION_SECURITY, AdminAuthenticator } from '@hub/access';
import { DASHBOARD_CSP, DASHBOARD_HTML } from './dashboard-page.js';

@ApiTags('admin')
@Controller('admin')
export class DashboardPageController {
  constructor(private readonly authenticator: AdminAuthenticator) {}

  /**
   * Not behind the guard's problem+json: a browser without a session gets the same shell with 401, and the shell
   * shows the sign-in form. The shell holds no data; every number it shows comes from a guarded /admin route.
   */
  @Get()
  @ApiOperation({ summary: 'The operations dashboard (HTML)', description: 'Without the admin token or a session: 401 and the sign-in form.' })
  @ApiProduces('text/html')
  @ApiBearerAuth(ADMIN_SECURITY)
  @ApiCookieAuth(ADMIN_SESSION_SECURITY)
  @ApiOkResponse({ description: 'The dashboard' })
  @ApiUnauthorizedResponse({ description: 'The sign-in form' })
  async page(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    const principal = await this.authenticator.authenticate(request);
    reply
      .status(principal ? 200 : 401)
      .header('Content-Security-Policy', DASHBOARD_CSP)
      .type('text/html; charset=utf-8')
      .send(DASHBOARD_HTML);
  }
}
