import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ReadinessDetails } from '@hub/observability';
import { ImcConnectionStatus } from '../transport/imc-connection-status.js';

/** Shows the imc connection in /health/ready without failing it: imc away degrades the hub, it does not stop it. */
@Injectable()
export class ImcReadiness implements OnModuleInit {
  constructor(
    private readonly details: ReadinessDetails,
    private readonly status: ImcConnectionStatus,
  ) {}

  onModuleInit(): void {
    this.details.register('imc', () => {
      const { state, broker, endpoint, since, links, reconnects, lastError } = this.status.snapshot();
      return { state, degraded: state !== 'connected' && state !== 'disabled', broker, endpoint, since, links, reconnects, lastError };
    });
  }
}
