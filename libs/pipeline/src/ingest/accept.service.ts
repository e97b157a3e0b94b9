import { Inject, Injectable, Logger } from '@nestjs/common';
import { redisConfig, type RedisConfig } from '@hub/config';
import { HubMetrics } from '@hub/observability';
import type { IngestPayload } from '../queue/ingest-queue.constants.js';
import { IngestQueue } from '../queue/ingest-queue.js';
import { PipelineStats } from '../stats/pipeline-stats.js';
import { PipelineUnavailableError } from './pipeline-unavailable.error.js';

/**
 * The single entry every ingress uses: it resolves only once Redis holds the payload (AOF), so the caller may
 * acknowledge; otherwise it throws PipelineUnavailableError within the accept timeout.
 */
@Injectable()
export class AcceptService {
  private readonly logger = new Logger(AcceptService.name);

  constructor(
    private readonly queue: IngestQueue,
    private readonly metrics: HubMetrics,
    private readonly stats: PipelineStats,
    @Inject(redisConfig.KEY) private readonly config: RedisConfig,
  ) {}

  async accept(payload: IngestPayload, eventCount = 1): Promise<string> {
    const started = process.hrtime.bigint();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`Redis did not answer within ${this.config.acceptTimeoutMs} ms`)), this.config.acceptTimeoutMs);
    });
    try {
      const jobId = await Promise.race([this.queue.add(payload), timeout]);
      this.stats.count(payload.source, 'accepted', eventCount);
      this.metrics.acceptSeconds.observe({ source: payload.source }, Number(process.hrtime.bigint() - started) / 1e9);
      return jobId;
    } catch (err) {
      this.stats.count(payload.source, 'refused');
      this.logger.warn(`accept failed for ${payload.source}: ${(err as Error).message}`);
      throw new PipelineUnavailableError(err);
    } finally {
      clearTimeout(timer);
    }
  }
}
