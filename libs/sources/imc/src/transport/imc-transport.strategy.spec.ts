import { Test } from '@nestjs/testing';
import type { INestMicroservice } from '@nestjs/common';
import { IMC_TOPIC, IMC_TOPICS, type ImcTopic } from '../imc-topics.js';
import { ImcIngressController } from '../ingress/imc-ingress.controller.js';
import { ImcIngressService } from '../ingress/imc-ingress.service.js';
import type { ImcConsumer, ImcDispatch } from './imc-consumer.js';
import type { ImcDelivery } from './imc-delivery.js';
import { ImcTransport } from './imc-transport.strategy.js';
import { ImcVerdicts } from './imc-verdict.js';

/** A broker profile that only captures the dispatch function, so the test plays the broker. */
class CapturingConsumer implements ImcConsumer {
  dispatch?: ImcDispatch;
  stopped = false;
  async start(dispatch: ImcDispatch) {
    this.dispatch = dispatch;
  }
  async stop() {
    this.stopped = true;
  }
}

const delivery = (topic: string): ImcDelivery =>
  ({ topic: topic as ImcTopic, address: topic, broker: 'rabbitmq', body: '{}', redelivered: false, deliveryCount: 0, receivedUtc: new Date().toISOString() });

describe('ImcTransport (Nest custom transport strategy)', () => {
  let app: INestMicroservice;
  let consumer: CapturingConsumer;
  const received: ImcDelivery[] = [];
  let behaviour: (d: ImcDelivery) => Promise<unknown> = async () => ImcVerdicts.ack();

  beforeAll(async () => {
    consumer = new CapturingConsumer();
    const moduleRef = await Test.createTestingModule({
      controllers: [ImcIngressController],
      providers: [{ provide: ImcIngressService, useValue: { receive: (d: ImcDelivery) => (received.push(d), behaviour(d)) } }],
    }).compile();
    app = moduleRef.createNestMicroservice({ strategy: new ImcTransport(() => consumer), logger: false });
    await app.listen();
  });

  afterAll(async () => {
    await app.close();
  });

  it('routes every imc topic to its @EventPattern handler and returns the handler’s verdict', async () => {
    for (const topic of IMC_TOPICS) expect(await consumer.dispatch!(delivery(topic))).toEqual({ kind: 'ack' });
    expect(received.map((d) => d.topic)).toEqual([...IMC_TOPICS]);
  });

  it('turns a throwing handler or one without a verdict into a retry counted as a failed attempt', async () => {
    behaviour = async () => {
      throw new Error('boom');
    };
    expect(await consumer.dispatch!(delivery(IMC_TOPIC.login))).toMatchObject({ kind: 'retry', failedAttempt: true });
    behaviour = async () => undefined;
    expect(await consumer.dispatch!(delivery(IMC_TOPIC.login))).toMatchObject({ kind: 'retry', failedAttempt: true });
    behaviour = async () => ImcVerdicts.deadLetter('invalid_json');
    expect(await consumer.dispatch!(delivery(IMC_TOPIC.courseChanges))).toEqual({ kind: 'dead-letter', reason: 'invalid_json' });
  });

  it('never acknowledges a message for a topic without a handler', async () => {
    expect(await consumer.dispatch!(delivery('de.imc.ils_unknown'))).toMatchObject({ kind: 'retry' });
  });

  it('stops the consumer when the microservice closes', async () => {
    await app.close();
    expect(consumer.stopped).toBe(true);
  });
});
