import { applyDecorators, createParamDecorator, SetMetadata, UseGuards, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiCookieAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { AdminPrincipal, AdminRequest } from './admin-authenticator.js';
import { ADMIN_AUTH_VIA, AdminTokenGuard, type AdminAuthVia } from './admin-token.guard.js';

export const ADMIN_SECURITY = 'admin';
export const ADMIN_SESSION_SECURITY = 'admin-session';

export interface AdminAuthOptions {
  /** `token`: only the bearer token is accepted (signing in). Default: the token or a dashboard session. */
  via?: AdminAuthVia;
}

/** Guards a controller or route with the admin token or a dashboard session, and documents it. */
export function AdminAuth(options: AdminAuthOptions = {}): ClassDecorator & MethodDecorator {
  const via = options.via ?? 'token-or-session';
  return applyDecorators(
    SetMetadata(ADMIN_AUTH_VIA, via),
    UseGuards(AdminTokenGuard),
    ApiBearerAuth(ADMIN_SECURITY),
    ...(via === 'token' ? [] : [ApiCookieAuth(ADMIN_SESSION_SECURITY)]),
    ApiUnauthorizedResponse({ description: 'Missing or wrong admin token, or no live dashboard session (problem+json)' }),
    ...(via === 'token' ? [] : [ApiForbiddenResponse({ description: 'A session-authenticated change without the CSRF token or from another origin (problem+json)' })]),
  );
}

/** The principal the admin guard let through. */
export const CurrentAdmin = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): AdminPrincipal => ctx.switchToHttp().getRequest<AdminRequest>().admin!,
);
