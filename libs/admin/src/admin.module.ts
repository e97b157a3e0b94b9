import { Module } from '@nestjs/common';
import { AccessModule } from '@hub/access';
import { PipelineProducerModule } from '@hub/pipeline';
import { ApiKeysController } from './api-keys/api-keys.controller.js';
import { DeadLettersController } from './dead-letters/dead-letters.controller.js';
import { ProgramsController } from './programs/programs.controller.js';

/** Operations routes under /admin, all behind the admin token. */
@Module({
  imports: [AccessModule, PipelineProducerModule],
  controllers: [ProgramsController, ApiKeysController, DeadLettersController],
})
export class AdminModule {}
