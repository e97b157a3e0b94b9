import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HubMetrics } from '@hub/observability';
import { INGEST_QUEUE } from './ingest-queue.constants.js';
import { IngestQueue } from './ingest-queue.js';

export interface ConnectedWorker {
  /** Address of the worker's Redis connection (host:port), the closest thing to "which machine". */
  address: string;
  /** Seconds the worker has been connected. */
  ageSeconds: number;
  /** Seconds since the worker last sent a command (a busy worker is near 0; an idle one waits on a blocking pop). */
  idleSeconds: number;
}

export interface QueueState {
  name: string;
  waiting: number;
  active: number;
  delayed: number;
  failed: number;
  prioritized: number;
  /** The queue was paused (e.g. from Bull Board): nothing is taken until it is resumed. */
  paused: boolean;
  /** Age of the oldest job still waiting for a worker, in seconds; null when none waits. */
  oldestWaitingSeconds: number | null;
  workers: ConnectedWorker[];
}

/** Reads the ingest queue's health for the dashboard and for the queue gauges of /metrics. */
@Injectable()
export class IngestQueueInspector implements OnModuleInit {
  constructor(
    private readonly ingest: IngestQueue,
    private readonly metrics: HubMetrics,
  ) {}

  onModuleInit(): void {
    this.metrics.useQueueProbe(async () => {
      const { name, oldestWaitingSeconds, workers, paused: _paused, ...jobs } = await this.state();
      return { queue: name, jobs, oldestWaitingSeconds, workers: workers.length };
    });
  }

  async state(now = Date.now()): Promise<QueueState> {
    const queue = this.ingest.queue;
    const [counts, oldest, workers, paused] = await Promise.all([
      queue.getJobCounts('waiting', 'active', 'delayed', 'failed', 'prioritized'),
      // BullMQ pushes new jobs on the left of the wait list and workers take from the right: ascending is oldest first.
      queue.getJobs(['wait'], 0, 0, true),
      queue.getWorkers(),
      queue.isPaused(),
    ]);
    const oldestJob = oldest[0];
    return {
      name: INGEST_QUEUE,
      waiting: counts.waiting ?? 0,
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      failed: counts.failed ?? 0,
      prioritized: counts.prioritized ?? 0,
      paused,
      oldestWaitingSeconds: oldestJob ? Math.max(0, (now - oldestJob.timestamp) / 1000) : null,
      workers: workers.map((w) => ({ address: String(w.addr ?? ''), ageSeconds: Number(w.age ?? 0), idleSeconds: Number(w.idle ?? 0) })),
    };
  }
}
