import { applyDecorators, createParamDecorator, SetMetadata, UseGuards, type ExecutionContext } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import type { ApiKeyPrincipal } from './api-key-principal.js';
import type { ApiKeyScope } from './api-key.entity.js';
import { ApiKeyGuard, REQUIRED_SCOPE } from './api-key.guard.js';

export const API_KEY_SECURITY = 'api-key';

/** Route needs an API key holding `scope`; documents the 401/403 answers. */
export function ApiKeyAuth(scope: ApiKeyScope): MethodDecorator {
  return applyDecorators(
    SetMetadata(REQUIRED_SCOPE, scope),
    UseGuards(ApiKeyGuard),
    ApiBearerAuth(API_KEY_SECURITY),
    ApiUnauthorizedResponse({ description: 'Missing, unknown or revoked API key (problem+json)' }),
    ApiForbiddenResponse({ description: `The key lacks the scope "${scope}" or the program (problem+json)` }),
  );
}

export const CurrentApiKey = createParamDecorator(
  (_: unknown, ctx: ExecutionContext): ApiKeyPrincipal => ctx.switchToHttp().getRequest<{ user: ApiKeyPrincipal }>().user,
);
