import type { ImcVerdict } from '../imc-verdict.js';

export type ServiceBusSettlement = 'complete' | 'abandon' | 'deadLetter';

/**
 * Verdict → peek-lock settlement. Service Bus counts every abandon and moves a message to the subscription's
 * dead-letter queue after its max delivery count, so a retry is held first (see retryHoldMs) and a long outage needs
 * a generous max delivery count on the hub's subscription.
 */
export function serviceBusSettlementFor(verdict: ImcVerdict): ServiceBusSettlement {
  switch (verdict.kind) {
    case 'ack':
      return 'complete';
    case 'retry':
      return 'abandon';
    case 'dead-letter':
      return 'deadLetter';
  }
}

/** `Endpoint=sb://name.servicebus.windows.net/;SharedAccessKeyName=…` → `sb://name.servicebus.windows.net/`, never the key. */
export function serviceBusEndpoint(connectionString: string): string {
  const endpoint = /(?:^|;)\s*Endpoint\s*=\s*([^;]+)/i.exec(connectionString)?.[1]?.trim();
  return endpoint ?? 'sb://(unknown namespace)';
}
