import { Injectable, Logger } from '@nestjs/common';
import type { Job } from 'bullmq';
import { isPermanentDataError } from '@hub/event-store';
import { HubMetrics } from '@hub/observability';
import { DeadLettersService } from '../dead-letters/dead-letters.service.js';
import { NormalizerRegistry } from '../normalize/normalizer-registry.js';
import { UnprocessablePayloadError } from '../normalize/normalizer.js';
import type { IngestPayload, IngestResult } from '../queue/ingest-queue.constants.js';
import { PipelineStats } from '../stats/pipeline-stats.js';
import { EventBatchWriter } from './event-batch-writer.js';

/**
 * One ingest job: normalize per source, then write through the batcher. A payload that can never succeed is
 * dead-lettered at once; a transient fault is thrown so BullMQ retries with backoff, and on the last attempt
 * the payload is dead-lettered too, so nothing accepted is ever dropped.
 */
@Injectable()
export class IngestProcessor {
  private readonly logger = new Logger(IngestProcessor.name);
  private running = 0;

  constructor(
    private readonly normalizers: NormalizerRegistry,
    private readonly writer: EventBatchWriter,
    private readonly deadLetters: DeadLettersService,
    private readonly metrics: HubMetrics,
    private readonly stats: PipelineStats,
  ) {}

  /** Jobs this process is working on right now. */
  get inFlight(): number {
    return this.running;
  }

  async process(job: Job<IngestPayload>): Promise<IngestResult> {
    this.running += 1;
    try {
      return await this.handle(job);
    } finally {
      this.running -= 1;
    }
  }

  private async handle(job: Job<IngestPayload>): Promise<IngestResult> {
    const payload = job.data;
    try {
      const events = await this.normalizers.get(payload.source).normalize(payload);
      const stored = await this.writer.write(events);
      const duplicates = new Set(events.map((e) => e.EventId)).size - stored.size;
      this.stats.count(payload.source, 'stored', stored.size);
      this.stats.count(payload.source, 'duplicates', duplicates);
      this.metrics.queueLagSeconds.observe({ source: payload.source }, (Date.now() - job.timestamp) / 1000);
      return { stored: stored.size, duplicates, deadLettered: false };
    } catch (err) {
      const attempt = job.attemptsMade + 1;
      const lastAttempt = attempt >= (job.opts.attempts ?? 1);
      const permanent = err instanceof UnprocessablePayloadError || isPermanentDataError(err);
      if (permanent || lastAttempt) {
        const reason = permanent ? (err as Error).message : `Gave up after ${attempt} attempts: ${(err as Error).message}`;
        await this.deadLetters.keep(payload, reason, attempt);
        this.logger.warn({ jobId: job.id, source: payload.source, correlationId: payload.correlationId, reason }, 'payload dead-lettered');
        return { stored: 0, duplicates: 0, deadLettered: true };
      }
      this.logger.warn({ jobId: job.id, attempt, correlationId: payload.correlationId, err: (err as Error).message }, 'ingest job failed; will retry');
      throw err;
    }
  }
}
