import { ImcVerdicts } from '../imc-verdict.js';
import { amqpSettlementFor } from './amqp-settlement.js';

const RABBITMQ_OUTCOMES = ['amqp:accepted:list', 'amqp:rejected:list', 'amqp:released:list'];

describe('amqpSettlementFor', () => {
  it('acks as accepted', () => {
    expect(amqpSettlementFor(ImcVerdicts.ack(), true)).toEqual({ outcome: 'accepted' });
  });

  it('releases when the pipeline is away, so the broker redelivers without counting a failed delivery', () => {
    expect(amqpSettlementFor(ImcVerdicts.retry('redis down'), true)).toEqual({ outcome: 'released' });
  });

  it('uses modified with delivery-failed for a failed handling where the broker takes it, released where not', () => {
    expect(amqpSettlementFor(ImcVerdicts.retry('boom', true), true)).toEqual({ outcome: 'modified', deliveryFailed: true });
    expect(amqpSettlementFor(ImcVerdicts.retry('boom', true), false)).toEqual({ outcome: 'released' });
    expect(amqpSettlementFor(ImcVerdicts.retry('boom', true), true, RABBITMQ_OUTCOMES)).toEqual({ outcome: 'released' });
  });

  it('rejects a dead-lettered message, or accepts it where the broker offers no rejected outcome', () => {
    expect(amqpSettlementFor(ImcVerdicts.deadLetter('invalid_json'), true, RABBITMQ_OUTCOMES)).toEqual({
      outcome: 'rejected',
      condition: 'amqp:decode-error',
      description: 'invalid_json',
    });
    expect(amqpSettlementFor(ImcVerdicts.deadLetter('invalid_json'), true, ['amqp:accepted:list', 'amqp:released:list'])).toEqual({ outcome: 'accepted' });
  });
});
