import { Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { appConfig, databaseConfig, imcConfig, ingestConfig, redisConfig } from '@hub/config';
import { DatabaseModule } from '@hub/database';
import { HealthModule, LoggingModule, MetricsModule } from '@hub/observability';
import { LearnerRecordProjectionModule } from '@hub/learner-records';
import { PipelineProducerModule, PipelineWorkerModule } from '@hub/pipeline';
import { HubApiNormalizerModule } from '@hub/sources/hub-api';
import { ImcWorkerModule } from '@hub/sources/imc';
import { XapiNormalizerModule } from '@hub/sources/xapi';
import { AlmNormalizerModule } from '@hub/sources/alm';
import { IngestQueueBacklog } from './ingest-queue-backlog.js';

/** The worker role: drains the ingest queue into the store and keeps learner records; serves only health and metrics. */
@Module({
  imports: [
    ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [appConfig, databaseConfig, redisConfig, ingestConfig, imcConfig] }),
    LoggingModule,
    MetricsModule,
    DatabaseModule,
    HealthModule,
    PipelineWorkerModule,
    LearnerRecordProjectionModule.register({ imports: [PipelineProducerModule], backlog: IngestQueueBacklog }),
    HubApiNormalizerModule,
    ImcWorkerModule,
    XapiNormalizerModule,
    AlmNormalizerModule,
  ],
})
export class WorkerModule {}
