import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

const SOURCE = ['source'] as const;

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

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }
}
