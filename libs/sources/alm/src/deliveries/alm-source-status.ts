import { Injectable, type OnModuleInit } from '@nestjs/common';
import { SourceStatusRegistry, type SourceConnectionStatus, type SourceStatus, type SourceStatusProvider } from '@hub/observability';
import { AlmWebhookRepository } from '../webhooks/alm-webhook.repository.js';
import { AlmWebhookDeliveryRepository } from './alm-webhook-delivery.repository.js';

/**
 * ALM for the dashboard: one connection per webhook with its last accepted delivery and the deliveries refused for
 * bad credentials in the last hour. Computed from the database, so any API process can answer.
 */
@Injectable()
export class AlmSourceStatus implements SourceStatusProvider, OnModuleInit {
  readonly source = 'ALM';

  constructor(
    private readonly registry: SourceStatusRegistry,
    private readonly webhooks: AlmWebhookRepository,
    private readonly deliveries: AlmWebhookDeliveryRepository,
  ) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  async status(): Promise<SourceStatus> {
    const [webhooks, summaries] = await Promise.all([this.webhooks.findAll(), this.deliveries.summaries()]);
    if (webhooks.length === 0) return { source: this.source, state: 'not configured', health: 'off', detail: 'No ALM webhook registered' };
    const connections: SourceConnectionStatus[] = webhooks.map((webhook) => {
      const summary = summaries.get(webhook.id);
      const failures = summary?.authFailuresLastHour ?? 0;
      return {
        id: webhook.id,
        name: webhook.name,
        state: webhook.enabled ? 'enabled' : 'disabled',
        health: !webhook.enabled ? 'off' : failures > 0 ? 'degraded' : 'ok',
        lastDeliveryUtc: summary?.lastAcceptedUtc?.toISOString() ?? null,
        authFailures: { lastHour: failures, lastUtc: summary?.lastAuthFailureUtc?.toISOString() ?? null },
        detail: `${webhook.programId} · ${webhook.authType}`,
      };
    });
    const enabled = connections.filter((c) => c.state === 'enabled');
    return {
      source: this.source,
      state: enabled.length > 0 ? 'listening' : 'disabled',
      health: enabled.length === 0 ? 'off' : enabled.some((c) => c.health === 'degraded') ? 'degraded' : 'ok',
      detail: `${webhooks.length} webhook${webhooks.length === 1 ? '' : 's'}, ${enabled.length} enabled: POST /webhooks/alm/:id`,
      connections,
    };
  }
}
