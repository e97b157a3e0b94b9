import { applyDecorators, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { AdminTokenGuard } from './admin-token.guard.js';

export const ADMIN_SECURITY = 'admin';

/** Guards a controller or route with the admin token and documents it. */
export function AdminAuth(): ClassDecorator & MethodDecorator {
  return applyDecorators(
    UseGuards(AdminTokenGuard),
    ApiBearerAuth(ADMIN_SECURITY),
    ApiUnauthorizedResponse({ description: 'Missing or wrong admin token (problem+json)' }),
  );
}
