import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const SOURCE = ['source'] as const;

/** What the pipeline reports about its queue when Prometheus scrapes (see useQueueProbe). */
export interface QueueGaugeValues {
  queue: string;
  jobs: Record<string, number>;
  oldestWaitingSeconds: number | null;
  workers: number;
}

/** A scrape reads the queue once, however many gauges ask, and at most once a second. */
const QUEUE_PROBE_REUSE_MS = 1_000;

/** The hub's Prometheus metrics, one registry per process, labelled by source (LB, ALM, IMC, XAPI). */
@Injectable()
export class HubMetrics {
  readonly registry = new Registry();

  readonly accepted = new Counter({ name: 'hub_events_accepted_total', help: 'Events acknowledged to senders', labelNames: SOURCE, registers: [this.registry] });
  readonly acceptFailures = new Counter({ name: 'hub_accept_failures_total', help: 'Payloads refused with 503 because the pipeline was unavailable', labelNames: SOURCE, registers: [this.registry] });
  readonly stored = new Counter({ name: 'hub_events_stored_total', help: 'Events newly written to the event store', labelNames: SOURCE, registers: [this.registry] });
  readonly duplicates = new Counter({ name: 'hub_events_duplicate_total', help: 'Events that were already stored (redeliveries)', labelNames: SOURCE, registers: [this.registry] });
  readonly deadLettered = new Counter({ name: 'hub_dead_letters_total', help: 'Payloads kept in the dead-letter store', labelNames: SOURCE, registers: [this.registry] });
  readonly acceptSeconds = new Histogram({
    name: 'hub_accept_duration_seconds',
    help: 'Time to hand a payload durably to the pipeline',
    labelNames: SOURCE,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
    registers: [this.registry],
  });
  readonly queueLagSeconds = new Histogram({
    name: 'hub_queue_lag_seconds',
    help: 'Time from accept to stored',
    labelNames: SOURCE,
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120, 600],
    registers: [this.registry],
  });

  readonly queueJobs = new Gauge({
    name: 'hub_queue_jobs',
    help: 'Jobs in the queue by state (waiting, active, delayed, failed, prioritized, paused)',
    labelNames: ['queue', 'state'] as const,
    registers: [this.registry],
    collect: () => this.collectQueue(),
  });
  readonly queueOldestWaitingSeconds = new Gauge({
    name: 'hub_queue_oldest_waiting_seconds',
    help: 'Age of the oldest job waiting for a worker (0 when none waits)',
    labelNames: ['queue'] as const,
    registers: [this.registry],
    collect: () => this.collectQueue(),
  });
  readonly queueWorkers = new Gauge({
    name: 'hub_queue_workers',
    help: 'Workers connected to the queue',
    labelNames: ['queue'] as const,
    registers: [this.registry],
    collect: () => this.collectQueue(),
  });

  readonly learnerRecordsProjected = new Counter({
    name: 'hub_learner_records_projected_events_total',
    help: 'Stored events the learner-record projection has taken in',
    registers: [this.registry],
  });
  readonly learnerRecordsSkipped = new Counter({
    name: 'hub_learner_records_skipped_events_total',
    help: 'Stored events the learner-record projection could not take in (logged; a rebuild repairs them)',
    registers: [this.registry],
  });
  readonly learnerRecordsBehindSeconds = new Gauge({
    name: 'hub_learner_records_behind_seconds',
    help: 'How long ago the event the learner-record projection last took in was stored; 0 when it has caught up',
    registers: [this.registry],
  });

  private queueProbe: (() => Promise<QueueGaugeValues>) | undefined;
  private lastProbe: { at: number; done: Promise<void> } | undefined;

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** The pipeline hands in how to read its queue; observability stays free of BullMQ. */
  useQueueProbe(probe: () => Promise<QueueGaugeValues>): void {
    this.queueProbe = probe;
  }

  private collectQueue(): Promise<void> {
    const now = Date.now();
    if (this.lastProbe && now - this.lastProbe.at < QUEUE_PROBE_REUSE_MS) return this.lastProbe.done;
    const done = this.readQueue();
    this.lastProbe = { at: now, done };
    return done;
  }

  private async readQueue(): Promise<void> {
    if (!this.queueProbe) return;
    try {
      const values = await this.queueProbe();
      for (const [state, n] of Object.entries(values.jobs)) this.queueJobs.set({ queue: values.queue, state }, n);
      this.queueOldestWaitingSeconds.set({ queue: values.queue }, values.oldestWaitingSeconds ?? 0);
      this.queueWorkers.set({ queue: values.queue }, values.workers);
    } catch {
      // Redis away: the gauges keep their last values; hub_accept_failures_total and /health/ready tell the story.
    }
  }
}
