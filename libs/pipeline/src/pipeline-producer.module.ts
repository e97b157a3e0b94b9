import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DeadLetterEntity } from './dead-letters/dead-letter.entity.js';
import { DeadLetterRepository } from './dead-letters/dead-letter.repository.js';
import { DeadLettersService } from './dead-letters/dead-letters.service.js';
import { AcceptService } from './ingest/accept.service.js';
import { IngestQueueInspector } from './queue/ingest-queue.inspector.js';
import { IngestQueue } from './queue/ingest-queue.js';
import { PipelineStats } from './stats/pipeline-stats.js';

/** What every process that accepts payloads needs: accept(), the dead-letter store and replay. */
@Module({
  imports: [TypeOrmModule.forFeature([DeadLetterEntity])],
  providers: [IngestQueue, AcceptService, DeadLetterRepository, DeadLettersService, PipelineStats, IngestQueueInspector],
  exports: [IngestQueue, AcceptService, DeadLettersService, PipelineStats, IngestQueueInspector],
})
export class PipelineProducerModule {}
