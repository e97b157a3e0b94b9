import { Inject, Injectable, Logger, type OnModuleDestroy } from '@nestjs/common';
import { Queue } from 'bullmq';
import { redisConfig, type RedisConfig } from '@hub/config';
import { INGEST_JOB, INGEST_JOB_OPTIONS, INGEST_QUEUE, type IngestPayload } from './ingest-queue.constants.js';
import { producerRedisOptions } from './redis-options.js';

/** The producer side of the ingest queue. */
@Injectable()
export class IngestQueue implements OnModuleDestroy {
  private readonly logger = new Logger(IngestQueue.name);
  readonly queue: Queue<IngestPayload>;

  constructor(@Inject(redisConfig.KEY) config: RedisConfig) {
    this.queue = new Queue<IngestPayload>(INGEST_QUEUE, {
      connection: producerRedisOptions(config.url),
      prefix: config.queuePrefix,
      defaultJobOptions: INGEST_JOB_OPTIONS,
    });
    this.queue.on('error', (err) => this.logger.warn(`ingest queue: ${err.message}`));
  }

  async add(payload: IngestPayload): Promise<string> {
    const job = await this.queue.add(INGEST_JOB.PAYLOAD, payload);
    return job.id!;
  }

  async onModuleDestroy(): Promise<void> {
    await this.queue.close();
  }
}
