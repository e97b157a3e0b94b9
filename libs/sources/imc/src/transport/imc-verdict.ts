/**
 * What the hub decided about one imc message; each broker profile maps it to its own settlement (AMQP
 * accepted / released or modified / rejected; Service Bus complete / abandon / deadLetter).
 */
export type ImcVerdict =
  /** The message is durably in the pipeline (or was already): the broker may forget it. */
  | { kind: 'ack' }
  /**
   * Not taken this time; the broker must deliver it again. `failedAttempt` says the delivery itself failed (an
   * unexpected error while handling it), as opposed to the pipeline being away: brokers that count failed deliveries
   * (and dead-letter after too many) should count only the former.
   */
  | { kind: 'retry'; reason: string; failedAttempt: boolean }
  /** Can never become an event; the hub kept it in its dead letters, so the broker may drop it or move it to its DLQ. */
  | { kind: 'dead-letter'; reason: string };

export const ImcVerdicts = {
  ack: (): ImcVerdict => ({ kind: 'ack' }),
  retry: (reason: string, failedAttempt = false): ImcVerdict => ({ kind: 'retry', reason, failedAttempt }),
  deadLetter: (reason: string): ImcVerdict => ({ kind: 'dead-letter', reason }),
};

export function isImcVerdict(value: unknown): value is ImcVerdict {
  if (value === null || typeof value !== 'object') return false;
  const kind = (value as { kind?: unknown }).kind;
  return kind === 'ack' || kind === 'retry' || kind === 'dead-letter';
}
