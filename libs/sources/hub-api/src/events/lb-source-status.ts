import { Injectable, type OnModuleInit } from '@nestjs/common';
import { SourceStatusRegistry, type SourceStatus, type SourceStatusProvider } from '@hub/observability';

/** The hub API is always listening where an API process runs: the dashboard shows LB as such. */
@Injectable()
export class LbSourceStatus implements SourceStatusProvider, OnModuleInit {
  readonly source = 'LB';

  constructor(private readonly registry: SourceStatusRegistry) {}

  onModuleInit(): void {
    this.registry.register(this);
  }

  status(): SourceStatus {
    return { source: this.source, state: 'listening', health: 'ok', detail: 'POST /api/v1/events with an API key' };
  }
}
