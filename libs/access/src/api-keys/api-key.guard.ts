import { ForbiddenException, HttpException, Injectable, ServiceUnavailableException, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ApiKeyPrincipal } from './api-key-principal.js';
import type { ApiKeyScope } from './api-key.entity.js';
import { ApiKeysService } from './api-keys.service.js';
import { bearerToken } from './bearer-token.js';

export const REQUIRED_SCOPE = 'hub:required-scope';

type KeyedRequest = Parameters<typeof bearerToken>[0] & { user?: ApiKeyPrincipal };

/** Authenticates the API key (401) and then checks the route's scope (403); the caller becomes `request.user`. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly apiKeys: ApiKeysService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<KeyedRequest>();
    const principal = await this.authenticate(bearerToken(request));
    request.user = principal;
    const scope = this.reflector.get<ApiKeyScope | undefined>(REQUIRED_SCOPE, context.getHandler());
    if (scope && !principal.scopes.includes(scope)) throw new ForbiddenException(`This API key lacks the scope "${scope}"`);
    return true;
  }

  private async authenticate(token: string | undefined): Promise<ApiKeyPrincipal> {
    let principal: ApiKeyPrincipal | null = null;
    try {
      if (token) principal = await this.apiKeys.verify(token);
    } catch (err) {
      // A failed key lookup (database down) is not a wrong key: tell the sender to retry rather than to fix its key.
      throw err instanceof HttpException ? err : new ServiceUnavailableException('Cannot verify the API key right now; retry later');
    }
    if (!principal) throw new UnauthorizedException('A valid API key is required: Authorization: Bearer <key>');
    return principal;
  }
}
