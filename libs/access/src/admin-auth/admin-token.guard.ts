import { Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AdminAuthenticator, type AdminRequest } from './admin-authenticator.js';

export const ADMIN_AUTH_VIA = 'hub:admin-auth-via';
/** `token`: the route takes the bearer token itself, not a session (signing in must not extend a session). */
export type AdminAuthVia = 'token-or-session' | 'token';

/**
 * Every /admin route: `Authorization: Bearer $HUB_ADMIN_TOKEN`, or the dashboard's session cookie; a state change
 * on a session also needs the same origin and the CSRF token (see AdminAuthenticator).
 */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  constructor(
    private readonly authenticator: AdminAuthenticator,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<AdminRequest>();
    const principal = await this.authenticator.authenticate(request);
    if (!principal) throw new UnauthorizedException('The admin token or a dashboard session is required: Authorization: Bearer $HUB_ADMIN_TOKEN');
    const via = this.reflector.getAllAndOverride<AdminAuthVia | undefined>(ADMIN_AUTH_VIA, [context.getHandler(), context.getClass()]);
    if (via === 'token' && principal.kind !== 'token') throw new UnauthorizedException('This route takes the admin token itself: Authorization: Bearer $HUB_ADMIN_TOKEN');
    this.authenticator.assertSameOriginChange(request, principal);
    request.admin = principal;
    return true;
  }
}
