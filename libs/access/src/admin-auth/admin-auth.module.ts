import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminAuthenticator } from './admin-authenticator.js';
import { AdminSessionEntity } from './admin-session.entity.js';
import { AdminSessionRepository } from './admin-session.repository.js';
import { AdminSessionsService } from './admin-sessions.service.js';
import { AdminTokenGuard } from './admin-token.guard.js';

/**
 * The admin check and dashboard sessions. Global (registered through AccessModule), so a module that puts
 * @AdminAuth() on a controller resolves the guard whether or not it imports AccessModule itself.
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AdminSessionEntity])],
  providers: [AdminSessionRepository, AdminSessionsService, AdminAuthenticator, AdminTokenGuard],
  exports: [AdminSessionsService, AdminAuthenticator, AdminTokenGuard],
})
export class AdminAuthModule {}
