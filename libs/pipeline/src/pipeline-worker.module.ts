import { Global, Module } from '@nestjs/common';
import { EventStoreModule } from '@hub/event-store';
import { EventBatchWriter } from './ingest/event-batch-writer.js';
import { IngestWorker } from './ingest/ingest-worker.js';
import { IngestProcessor } from './ingest/ingest.processor.js';
import { NormalizerRegistry } from './normalize/normalizer-registry.js';
import { PipelineProducerModule } from './pipeline-producer.module.js';

/** The worker role: drains the ingest queue into the event store. Global so source modules can register normalizers. */
@Global()
@Module({
  imports: [PipelineProducerModule, EventStoreModule],
  providers: [NormalizerRegistry, EventBatchWriter, IngestProcessor, IngestWorker],
  exports: [NormalizerRegistry, IngestProcessor],
})
export class PipelineWorkerModule {}
