import { Injectable } from '@nestjs/common';
import { Counter, Gauge } from 'prom-client';
import { HubMetrics } from '@hub/observability';
import { ImcConnectionStatus, type ImcConnectionState } from '../transport/imc-connection-status.js';

const STATES: readonly ImcConnectionState[] = ['disabled', 'connecting', 'connected', 'degraded', 'reconnecting', 'stopped'];

/** imc consumer metrics on the process registry: connection state (read at scrape time) and settlements. */
@Injectable()
export class ImcMetrics {
  readonly settled: Counter<'topic' | 'outcome'>;

  constructor(metrics: HubMetrics, status: ImcConnectionStatus) {
    new Gauge({
      name: 'hub_imc_connection_state',
      help: 'imc consumer connection state: 1 for the current state, 0 for the others',
      labelNames: ['state'],
      registers: [metrics.registry],
      collect() {
        const current = status.snapshot().state;
        for (const state of STATES) this.set({ state }, state === current ? 1 : 0);
      },
    });
    new Gauge({
      name: 'hub_imc_links_attached',
      help: 'imc topic links (Service Bus receivers) currently attached',
      registers: [metrics.registry],
      collect() {
        this.set(Object.values(status.snapshot().links).filter(Boolean).length);
      },
    });
    new Gauge({
      name: 'hub_imc_reconnects',
      help: 'Times the imc consumer lost its broker connection since the process started',
      registers: [metrics.registry],
      collect() {
        this.set(status.snapshot().reconnects);
      },
    });
    this.settled = new Counter({
      name: 'hub_imc_messages_settled_total',
      help: 'imc messages settled at the broker, by topic and outcome (accepted, released, modified, rejected; complete, abandon, deadLetter)',
      labelNames: ['topic', 'outcome'],
      registers: [metrics.registry],
    });
  }
}
