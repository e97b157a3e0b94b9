import { Module } from '@nestjs/common';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminAuthModule } from './admin-auth/admin-auth.module.js';
import { ApiKeyGuard } from './api-keys/api-key.guard.js';
import { ApiKeyEntity } from './api-keys/api-key.entity.js';
import { ApiKeyRepository } from './api-keys/api-key.repository.js';
import { ApiKeyStrategy } from './api-keys/api-key.strategy.js';
import { ApiKeysService } from './api-keys/api-keys.service.js';
import { ProgramEntity } from './programs/program.entity.js';
import { ProgramRepository } from './programs/program.repository.js';
import { ProgramsService } from './programs/programs.service.js';

/** Programs, API keys, the admin token and dashboard sessions: who may call the hub, and for which programs. */
@Module({
  imports: [PassportModule, TypeOrmModule.forFeature([ProgramEntity, ApiKeyEntity]), AdminAuthModule],
  providers: [ProgramRepository, ProgramsService, ApiKeyRepository, ApiKeysService, ApiKeyStrategy, ApiKeyGuard],
  exports: [ProgramsService, ApiKeysService, ApiKeyGuard, AdminAuthModule],
})
export class AccessModule {}
