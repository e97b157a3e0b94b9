import { api, canControlRedis, countStored, eventually, lbEvent, publisher, startRedis, stopRedis } from '../support/hub.js';

const describeWithLocalRedis = canControlRedis() ? describe : describe.skip;

describeWithLocalRedis('Redis unreachable', () => {
  afterAll(async () => {
    if (!(await api().get('/health/ready').then((r) => r.status === 200))) await startRedis();
  });

  it('answers 503 with Retry-After at once, never 202, and recovers when Redis returns', async () => {
    const p = await publisher();
    const before = lbEvent(p.programId);
    await api().post('/api/v1/events').set(p.auth).send(before).expect(202);

    await stopRedis();
    const during = lbEvent(p.programId);
    const started = Date.now();
    const refused = await api().post('/api/v1/events').set(p.auth).send(during);
    const elapsed = Date.now() - started;
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(elapsed).toBeLessThan(1_000);
    const again = await api().post('/api/v1/events').set(p.auth).send(during);
    expect(again.status).toBe(503);
    await api().get('/health/ready').expect(503);

    await startRedis();
    // The sender retries as told until the hub takes the event.
    await eventually(async () => (await api().post('/api/v1/events').set(p.auth).send(during)).status === 202, 30_000, 'a 202 after Redis returned');
    await eventually(async () => (await api().get('/health/ready')).status === 200, 30_000, 'readiness to recover');
    await eventually(async () => (await countStored(p.programId)) === 2, 30_000, 'both events stored');
  });
});
