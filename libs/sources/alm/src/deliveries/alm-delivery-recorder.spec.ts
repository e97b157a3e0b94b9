import type { HttpAdapterHost } from '@nestjs/core';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AlmDeliveryRecorder, ALM_DELIVERY_LOG_ROUTE } from './alm-delivery-recorder.js';
import type { AlmWebhookDeliveryRepository, NewAlmWebhookDelivery } from './alm-webhook-delivery.repository.js';

type Hook = (request: FastifyRequest, reply: FastifyReply, done: () => void) => void;

const WEBHOOK = '0b7e4c1a-3f2d-4e5b-9a8c-7d6e5f4a3b2c';

function setup() {
  let onResponse: Hook | undefined;
  const fastify = { addHook: (_name: string, hook: Hook) => (onResponse = hook) };
  const adapterHost = { httpAdapter: { getInstance: () => fastify } } as unknown as HttpAdapterHost;
  const written: { webhookId: string; deliveries: NewAlmWebhookDelivery[] }[] = [];
  const repository = {
    recordMany: async (webhookId: string, deliveries: NewAlmWebhookDelivery[]) => void written.push({ webhookId, deliveries }),
  } as unknown as AlmWebhookDeliveryRepository;
  const recorder = new AlmDeliveryRecorder(adapterHost, repository);
  recorder.onModuleInit();
  const deliver = (n: number, status = 202) => {
    const request = {
      id: `req-${n}`,
      params: { webhookId: WEBHOOK },
      headers: { 'content-type': 'application/json', 'x-alm-signature': `sha256=${'ab'.repeat(32)}`, 'x-seq': String(n) },
      body: Buffer.from(`{"n":${n}}`),
      routeOptions: { config: { [ALM_DELIVERY_LOG_ROUTE]: true } },
    } as unknown as FastifyRequest;
    recorder.note(request, { detail: `delivery ${n}` });
    onResponse!(request, { statusCode: status } as FastifyReply, () => undefined);
  };
  return { recorder, deliver, written };
}

describe('AlmDeliveryRecorder', () => {
  it('writes the last 20 deliveries of a burst, oldest first, with headers summarised and never a value that could be secret', async () => {
    const { recorder, deliver, written } = setup();
    for (let n = 1; n <= 25; n++) deliver(n);
    await recorder.onApplicationShutdown(); // flushes what waits

    expect(written).toHaveLength(1);
    const [{ webhookId, deliveries }] = written;
    expect(webhookId).toBe(WEBHOOK);
    expect(deliveries.map((d) => d.detail)).toEqual(Array.from({ length: 20 }, (_, i) => `delivery ${i + 6}`));
    expect(deliveries[0]).toMatchObject({ status: 202, outcome: 'accepted', sizeBytes: 7, correlationId: 'req-6' });
    expect(deliveries[0].headers).toEqual([
      { name: 'content-type', value: 'application/json', redacted: false },
      { name: 'x-alm-signature', value: 'sha256=hex(64)', redacted: true },
      { name: 'x-seq', value: 'hex(1)', redacted: true },
    ]);
    expect(JSON.stringify(deliveries)).not.toContain('abab');
    expect(Object.keys(deliveries[0])).not.toContain('rawHeaders');
  });

  it('leaves unknown webhooks (404) out', async () => {
    const { recorder, deliver, written } = setup();
    deliver(1, 404);
    await recorder.onApplicationShutdown();
    expect(written).toEqual([]);
  });
});
