import { registerAs } from '@nestjs/config';
import { IsIn, IsInt, Max, Min } from 'class-validator';
import { validateConfig } from './validate-config.js';

class IngestEnv {
  /** Largest array accepted by POST /api/v1/events. */
  @IsInt() @Min(1) @Max(10000)
  HUB_MAX_EVENTS_PER_REQUEST: number = 500;

  /** Largest request body any ingress accepts, in bytes. */
  @IsInt() @Min(1024)
  HUB_BODY_LIMIT_BYTES: number = 5 * 1024 * 1024;

  /** Jobs a worker process handles at once; their rows are flushed together. */
  @IsInt() @Min(1) @Max(1000)
  HUB_WORKER_CONCURRENCY: number = 64;

  /** Rows per INSERT the worker's batcher aims for. */
  @IsInt() @Min(1) @Max(10000)
  HUB_WORKER_BATCH_SIZE: number = 1000;

  /** How long the batcher waits for more rows before it flushes. */
  @IsInt() @Min(0) @Max(1000)
  HUB_WORKER_BATCH_WAIT_MS: number = 5;

  /** Batches a worker process writes at once: a second one in flight keeps the database busy during the first one's round trips. */
  @IsInt() @Min(1) @Max(16)
  HUB_WORKER_WRITE_CONCURRENCY: number = 2;

  /**
   * Whether the worker keeps learner records, following the stored events. `off` stores events only (to measure
   * what records cost); records then stand still, and catch up from where they stopped once a worker runs with `on`.
   */
  @IsIn(['on', 'off'])
  HUB_LEARNER_RECORDS: string = 'on';

  /**
   * While the ingest queue holds a backlog, learner records give way to the event store until they are this far
   * behind (ms); then they take their share of the machine again. 0: records never give way.
   */
  @IsInt() @Min(0) @Max(600_000)
  HUB_LEARNER_RECORDS_MAX_LAG_MS: number = 5_000;
}

export interface IngestConfig {
  maxEventsPerRequest: number;
  bodyLimitBytes: number;
  workerConcurrency: number;
  workerBatchSize: number;
  workerBatchWaitMs: number;
  workerWriteConcurrency: number;
  learnerRecords: boolean;
  learnerRecordsMaxLagMs: number;
}

export const ingestConfig = registerAs('ingest', (): IngestConfig => {
  const env = validateConfig(IngestEnv, process.env);
  return {
    maxEventsPerRequest: env.HUB_MAX_EVENTS_PER_REQUEST,
    bodyLimitBytes: env.HUB_BODY_LIMIT_BYTES,
    workerConcurrency: env.HUB_WORKER_CONCURRENCY,
    workerBatchSize: env.HUB_WORKER_BATCH_SIZE,
    workerBatchWaitMs: env.HUB_WORKER_BATCH_WAIT_MS,
    workerWriteConcurrency: env.HUB_WORKER_WRITE_CONCURRENCY,
    learnerRecords: env.HUB_LEARNER_RECORDS === 'on',
    learnerRecordsMaxLagMs: env.HUB_LEARNER_RECORDS_MAX_LAG_MS,
  };
});
