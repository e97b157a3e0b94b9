import { Global, Module } from '@nestjs/common';
import { EventStoreModule } from '@hub/event-store';
import { LearnerRecordsModule } from '@hub/learner-records';
import { EventBatchWriter } from './ingest/event-batch-writer.js';
import { IngestWorker } from './ingest/ingest-worker.js';
import { IngestProcessor } from './ingest/ingest.processor.js';
import { NormalizerRegistry } from './normalize/normalizer-registry.js';
import { PipelineProducerModule } from './pipeline-producer.module.js';

/** The worker role: drains the ingest queue into the event store and learner records. Global so source modules can register normalizers. */
@Global()
@Module({
  imports: [PipelineProducerModule, EventStoreModule, LearnerRecordsModule],
  providers: [NormalizerRegistry, EventBatchWriter, IngestProcessor, IngestWorker],
  exports: [NormalizerRegistry],
})
export class PipelineWorkerModule {}
