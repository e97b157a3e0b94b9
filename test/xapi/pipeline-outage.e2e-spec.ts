import { api, canControlRedis, eventually, startRedis, stopRedis } from '../support/hub.js';
import { createClient, lrs, statement, tokenFor, VERSION, xapiEvents } from './xapi-support.js';

const describeWithLocalRedis = canControlRedis() ? describe : describe.skip;

describeWithLocalRedis('statement POST while the pipeline is down', () => {
  afterAll(async () => {
    if (!(await api().get('/health/ready').then((r) => r.status === 200))) await startRedis();
  });

  it('answers 503 with Retry-After, keeps the Statement readable, and takes the retry into the pipeline', async () => {
    const client = await createClient();
    const bearer = await tokenFor(client);
    const s = statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/completed' } });

    await stopRedis();
    const refused = await api().post('/xAPI/statements').set({ ...bearer, ...VERSION }).send(s);
    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.headers['x-experience-api-version']).toBe('1.0.3');
    expect(refused.body).toMatchObject({ status: 503, message: expect.stringMatching(/retry/i) });
    // The xAPI write is durable before the pipeline: the LRS already has it.
    await api().get(`/xAPI/statements?statementId=${s.id as string}`).set(lrs(client)).expect(200);

    await startRedis();
    // The client retries the same request as told; it is idempotent and now reaches the pipeline.
    await eventually(async () => (await api().post('/xAPI/statements').set({ ...bearer, ...VERSION }).send(s)).status === 200, 30_000, 'a 200 after Redis returned');
    const events = await eventually(async () => {
      const found = await xapiEvents(client.programId);
      return found.length === 1 ? found : undefined;
    }, 30_000, 'the Statement as an event');
    expect(events![0]).toMatchObject({ publisher_event_id: s.id, event_type: 'completed' });
  });
});
