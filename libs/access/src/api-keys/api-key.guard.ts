import { ForbiddenException, HttpException, Injectable, ServiceUnavailableException, UnauthorizedException, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import type { ApiKeyPrincipal } from './api-key-principal.js';
import type { ApiKeyScope } from './api-key.entity.js';
import { API_KEY_STRATEGY } from './api-key.strategy.js';

export const REQUIRED_SCOPE = 'hub:required-scope';

/** Authenticates the API key (401) and then checks the route's scope (403). */
@Injectable()
export class ApiKeyGuard extends AuthGuard(API_KEY_STRATEGY) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    await super.canActivate(context);
    const scope = this.reflector.get<ApiKeyScope | undefined>(REQUIRED_SCOPE, context.getHandler());
    const principal = context.switchToHttp().getRequest<{ user: ApiKeyPrincipal }>().user;
    if (scope && !principal.scopes.includes(scope)) throw new ForbiddenException(`This API key lacks the scope "${scope}"`);
    return true;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    // A failed key lookup (database down) is not a wrong key: tell the sender to retry rather than to fix its key.
    if (err) throw err instanceof HttpException ? err : new ServiceUnavailableException('Cannot verify the API key right now; retry later');
    if (!user) throw new UnauthorizedException('A valid API key is required: Authorization: Bearer <key>');
    return user;
  }
}
