import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { imcConfig, type ImcConfig } from '@hub/config';
import { SourceStatusRegistry, type SourceHealth, type SourceStatus, type SourceStatusProvider } from '@hub/observability';
import { ImcConnectionStatus, type ImcConnectionState } from '../transport/imc-connection-status.js';

const HEALTH: Record<ImcConnectionState, SourceHealth> = {
  connected: 'ok',
  connecting: 'degraded',
  degraded: 'degraded',
  reconnecting: 'down',
  stopped: 'off',
  disabled: 'off',
};

/**
 * The broker connection for the dashboard. It lives in the worker that runs the consumer, so it is published
 * (through Redis) for the API processes that serve the overview; one entry per topic link.
 */
@Injectable()
export class ImcSourceStatus implements SourceStatusProvider, OnModuleInit {
  readonly source = 'IMC';

  constructor(
    private readonly registry: SourceStatusRegistry,
    private readonly connection: ImcConnectionStatus,
    @Inject(imcConfig.KEY) private readonly config: ImcConfig,
  ) {}

  onModuleInit(): void {
    // A worker without the consumer says nothing: another worker may run it, and "not configured" is the default.
    if (this.config.enabled) this.registry.publish(this);
  }

  status(): SourceStatus {
    const { state, broker, endpoint, since, links, reconnects, lastError } = this.connection.snapshot();
    const detail = [
      [broker, endpoint].filter(Boolean).join(' '),
      reconnects > 0 ? `${reconnects} reconnect${reconnects === 1 ? '' : 's'}` : '',
      lastError && state !== 'connected' ? `last error: ${lastError}` : '',
    ].filter(Boolean);
    return {
      source: this.source,
      state,
      health: HEALTH[state],
      detail: detail.join(' · '),
      sinceUtc: since,
      connections: Object.entries(links).map(([topic, attached]) => ({ id: topic, name: topic, state: attached ? 'attached' : 'not attached', health: attached ? 'ok' : 'down' })),
    };
  }
}
