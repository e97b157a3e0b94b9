import { createHash, timingSafeEqual } from 'node:crypto';
import { Inject, Injectable, UnauthorizedException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { appConfig, type AppConfig } from '@hub/config';

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

/** Every /admin route: `Authorization: Bearer $HUB_ADMIN_TOKEN`, compared in constant time. */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expected: Buffer;

  constructor(@Inject(appConfig.KEY) config: AppConfig) {
    this.expected = digest(config.adminToken);
  }

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>();
    const match = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '');
    if (match && timingSafeEqual(digest(match[1].trim()), this.expected)) return true;
    throw new UnauthorizedException('The admin token is required: Authorization: Bearer $HUB_ADMIN_TOKEN');
  }
}
