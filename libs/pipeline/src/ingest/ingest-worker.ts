import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { Worker } from 'bullmq';
import { ingestConfig, redisConfig, type IngestConfig, type RedisConfig } from '@hub/config';
import { INGEST_QUEUE, type IngestPayload, type IngestResult } from '../queue/ingest-queue.constants.js';
import { workerRedisOptions } from '../queue/redis-options.js';
import { IngestProcessor } from './ingest.processor.js';

/** The BullMQ worker of the worker role. Shutdown waits for the jobs in hand, then lets the batcher flush. */
@Injectable()
export class IngestWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IngestWorker.name);
  private worker: Worker<IngestPayload, IngestResult> | undefined;

  constructor(
    private readonly processor: IngestProcessor,
    @Inject(redisConfig.KEY) private readonly redis: RedisConfig,
    @Inject(ingestConfig.KEY) private readonly ingest: IngestConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker<IngestPayload, IngestResult>(INGEST_QUEUE, (job) => this.processor.process(job), {
      connection: workerRedisOptions(this.redis.url),
      prefix: this.redis.queuePrefix,
      concurrency: this.ingest.workerConcurrency,
      // A worker killed mid-job leaves its jobs stalled; another worker takes them over after this long.
      stalledInterval: 15_000,
      maxStalledCount: 5,
    });
    this.worker.on('error', (err) => this.logger.warn(`ingest worker: ${err.message}`));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
