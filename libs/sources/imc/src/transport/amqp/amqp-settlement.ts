import type { ImcVerdict } from '../imc-verdict.js';

export type AmqpSettlement =
  | { outcome: 'accepted' }
  | { outcome: 'released' }
  | { outcome: 'modified'; deliveryFailed: true }
  | { outcome: 'rejected'; condition: string; description: string };

const MODIFIED = 'amqp:modified:list';
const REJECTED = 'amqp:rejected:list';

/**
 * Verdict → AMQP outcome. Retry is `released` (not a failed delivery: brokers must not count it towards their
 * dead-lettering) unless the handling itself failed, which is `modified` with delivery-failed where the broker takes
 * it. Dead-letter is `rejected` (Artemis and ActiveMQ move it to their DLQ, RabbitMQ drops it or routes it to the
 * queue's dead-letter exchange); the hub has kept the bytes before. `offeredOutcomes` are the outcomes the broker
 * listed on attach (absent means the standard set).
 */
export function amqpSettlementFor(verdict: ImcVerdict, supportsModified: boolean, offeredOutcomes?: readonly string[]): AmqpSettlement {
  const offers = (outcome: string) => !offeredOutcomes || offeredOutcomes.length === 0 || offeredOutcomes.includes(outcome);
  switch (verdict.kind) {
    case 'ack':
      return { outcome: 'accepted' };
    case 'retry':
      return verdict.failedAttempt && supportsModified && offers(MODIFIED) ? { outcome: 'modified', deliveryFailed: true } : { outcome: 'released' };
    case 'dead-letter':
      // A broker without `rejected` has no place for it either; the hub's copy is the dead letter, so accept it.
      return offers(REJECTED)
        ? { outcome: 'rejected', condition: 'amqp:decode-error', description: verdict.reason.slice(0, 1000) }
        : { outcome: 'accepted' };
  }
}
