import { api, canControlRedis, eventually, startRedis, stopRedis, waitForDrain } from '../support/hub.js';
import { almDelivery, createWebhook, deliveriesOf, deliver, enrollment, newSecret, PROBLEM, sign, storedAlmEvents } from './alm-support.js';

const describeWithLocalRedis = canControlRedis() ? describe : describe.skip;

describeWithLocalRedis('ALM deliveries while Redis is unreachable', () => {
  afterAll(async () => {
    if (!(await api().get('/health/ready').then((r) => r.status === 200))) await startRedis();
  });

  it('answers 503 with Retry-After, never 202, and stores the delivery once ALM retries after recovery', async () => {
    const secret = newSecret();
    const webhook = await createWebhook({ type: 'signature', secret });
    const before = almDelivery([enrollment(), enrollment()]);
    expect((await deliver(webhook, before, { 'x-alm-signature': sign(before, { secret }) })).status).toBe(202);

    await stopRedis();
    const during = almDelivery([enrollment(), enrollment(), enrollment()]);
    const headers = { 'x-alm-signature': sign(during, { secret }) };
    const refused = await deliver(webhook, during, headers);
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.headers['content-type']).toMatch(PROBLEM);
    expect((await deliver(webhook, during, headers)).status).toBe(503);
    const [logged] = await deliveriesOf(webhook, 3);
    expect(logged).toMatchObject({ status: 503, outcome: 'unavailable' });

    await startRedis();
    // ALM retries the same delivery (5 s, doubling) until the hub takes it
    await eventually(async () => (await deliver(webhook, during, headers)).status === 202, 30_000, 'a 202 after Redis returned');
    await waitForDrain();
    expect(await storedAlmEvents(webhook.programId)).toHaveLength(5);
  });
});
