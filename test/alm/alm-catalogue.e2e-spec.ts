import { api, createProgram, waitForDrain } from '../support/hub.js';
import { almDelivery, createWebhook, deliver, readerKey, type TestWebhook } from './alm-support.js';

let n = 0;
const event = (eventName: string, timestamp: number | string, data: Record<string, unknown>) => ({ eventId: `cat-${(n += 1)}-${Date.now()}`, eventName, timestamp, data });

async function send(webhook: TestWebhook, ...events: Record<string, unknown>[]): Promise<void> {
  for (const e of events) expect((await deliver(webhook, almDelivery([e]))).status).toBe(202);
  await waitForDrain();
}

describe('GET /api/v1/alm/learning-objects', () => {
  let webhook: TestWebhook;
  let reader: { Authorization: string };

  beforeAll(async () => {
    webhook = await createWebhook({ type: 'none' });
    reader = await readerKey([webhook.programId]);
  });

  it('follows a learning object through its states, newest ALM time winning whatever the arrival order', async () => {
    const lo = { loId: 'course:500', loType: 'course' };
    await send(webhook, event('LEARNING_OBJECT_DRAFT', 1_725_000_000, lo));
    expect((await api().get('/api/v1/alm/learning-objects/course:500').set(reader).expect(200)).body).toMatchObject({ state: 'draft', stateInferred: false });
    await send(webhook, event('LEARNING_OBJECT_MODIFICATION', 1_725_000_100, lo));
    expect((await api().get('/api/v1/alm/learning-objects/course:500').set(reader).expect(200)).body).toMatchObject({
      state: 'published',
      stateInferred: true,
      stateEventName: 'LEARNING_OBJECT_MODIFICATION',
      stateSourceUtc: '2024-08-30T06:41:40.000Z',
    });
    // a draft event that ALM emitted earlier but that arrives late changes nothing
    await send(webhook, event('LEARNING_OBJECT_DRAFT', 1_725_000_050, lo));
    expect((await api().get('/api/v1/alm/learning-objects/course:500').set(reader).expect(200)).body.state).toBe('published');
    // ALM's own word beats the inference; milliseconds and ISO times compare with seconds
    await send(webhook, event('LEARNING_OBJECT_MODIFICATION', 1_725_000_200_000, { ...lo, state: 'Retired' }));
    expect((await api().get('/api/v1/alm/learning-objects/course:500').set(reader).expect(200)).body).toMatchObject({ state: 'retired', stateInferred: false });
    await send(webhook, event('LEARNING_OBJECT_DELETION', '2024-08-30T06:45:00Z', lo));
    expect((await api().get('/api/v1/alm/learning-objects/course:500').set(reader).expect(200)).body.state).toBe('deleted');
  });

  it('lists instances with their seat figures, each on its own clock', async () => {
    await send(
      webhook,
      event('CI_STATS', 1_725_000_300, { loInstanceId: 'course:600_1', enrollmentCount: 10, waitlistCount: 0, seatLimit: 30 }),
      event('LEARNING_OBJECT_INSTANCE_MODIFICATION', 1_725_000_100, { loId: 'course:600', loInstanceId: 'course:600_1', loType: 'course' }),
      event('CI_STATS', 1_725_000_200, { loInstanceId: 'course:600_1', enrollmentCount: 3, waitlistCount: 0, seatLimit: 30 }),
      event('LEARNING_OBJECT_INSTANCE_MODIFICATION', 1_725_000_400, { loId: 'course:600', loInstanceId: 'course:600_2' }),
      event('LEARNING_OBJECT_INSTANCE_DELETION', 1_725_000_500, { loId: 'course:600', loInstanceId: 'course:600_2' }),
    );
    const res = await api().get('/api/v1/alm/learning-objects/course:600').set(reader).expect(200);
    expect(res.body).toMatchObject({ programId: webhook.programId, loId: 'course:600', loType: 'course', state: null });
    expect(res.body.instances).toEqual([
      expect.objectContaining({ loInstanceId: 'course:600_1', state: 'active', stateInferred: true, enrollmentCount: 10, waitlistCount: 0, seatLimit: 30, seatsSourceUtc: '2024-08-30T06:45:00.000Z' }),
      expect.objectContaining({ loInstanceId: 'course:600_2', state: 'deleted', enrollmentCount: null }),
    ]);
  });

  it('settles many changes to the same rows inside one delivery as if they had come one by one', async () => {
    // One delivery, out of ALM-time order: the newest figures and states win, an older one arriving later changes nothing.
    const body = almDelivery([
      event('CI_STATS', 1_725_000_300, { loInstanceId: 'course:700_1', enrollmentCount: 10, waitlistCount: 1, seatLimit: 30 }),
      event('LEARNING_OBJECT_INSTANCE_MODIFICATION', 1_725_000_100, { loId: 'course:700', loInstanceId: 'course:700_1', loType: 'course' }),
      event('LEARNING_OBJECT_MODIFICATION', 1_725_000_200, { loId: 'course:700', loType: 'course' }),
      event('CI_STATS', 1_725_000_200, { loInstanceId: 'course:700_1', enrollmentCount: 3, waitlistCount: 0, seatLimit: 30 }),
      event('LEARNING_OBJECT_DRAFT', 1_725_000_100, { loId: 'course:700', loType: 'course' }),
      event('LEARNING_OBJECT_INSTANCE_DELETION', 1_725_000_500, { loId: 'course:700', loInstanceId: 'course:700_2' }),
      event('LEARNING_OBJECT_INSTANCE_MODIFICATION', 1_725_000_400, { loId: 'course:700', loInstanceId: 'course:700_2' }),
      event('CI_STATS', 1_725_000_300, { loInstanceId: 'course:701_1', enrollmentCount: 5, waitlistCount: 0, seatLimit: 5 }),
    ]);
    expect((await deliver(webhook, body)).status).toBe(202);
    await waitForDrain();
    const res = await api().get('/api/v1/alm/learning-objects/course:700').set(reader).expect(200);
    expect(res.body).toMatchObject({ loId: 'course:700', loType: 'course', state: 'published', stateEventName: 'LEARNING_OBJECT_MODIFICATION' });
    expect(res.body.instances).toEqual([
      expect.objectContaining({ loInstanceId: 'course:700_1', state: 'active', enrollmentCount: 10, waitlistCount: 1, seatsSourceUtc: '2024-08-30T06:45:00.000Z' }),
      expect.objectContaining({ loInstanceId: 'course:700_2', state: 'deleted' }),
    ]);
    // The parent of an instance known only from CI_STATS is known too.
    expect((await api().get('/api/v1/alm/learning-objects/course:701').set(reader).expect(200)).body.instances).toEqual([
      expect.objectContaining({ loInstanceId: 'course:701_1', enrollmentCount: 5, seatLimit: 5 }),
    ]);
  });

  it('reads learning_program ids in the public API spelling', async () => {
    await send(webhook, event('LEARNING_OBJECT_DRAFT', 1_725_000_000, { loId: 'learning_program:77', loType: 'learning_program' }));
    for (const id of ['learning_program:77', 'learningProgram:77']) {
      expect((await api().get(`/api/v1/alm/learning-objects/${id}`).set(reader).expect(200)).body).toMatchObject({ loId: 'learningProgram:77', loType: 'learningProgram' });
    }
  });

  it('lists, filters and pages with Link rel="next"', async () => {
    const own = await createWebhook({ type: 'none' });
    const key = await readerKey([own.programId]);
    await send(own, ...Array.from({ length: 5 }, (_, i) => event('LEARNING_OBJECT_DRAFT', 1_725_000_000, { loId: `course:9${i}` })), event('LEARNING_OBJECT_DELETION', 1_725_000_000, { loId: 'certification:1' }));
    const all = await api().get('/api/v1/alm/learning-objects').set(key).expect(200);
    expect(all.body.map((lo: { loId: string }) => lo.loId)).toEqual(['certification:1', 'course:90', 'course:91', 'course:92', 'course:93', 'course:94']);
    expect(all.headers.link).toBeUndefined();
    const drafts = await api().get('/api/v1/alm/learning-objects?state=draft&loType=course').set(key).expect(200);
    expect(drafts.body).toHaveLength(5);

    const seen: string[] = [];
    let next: string | undefined = '/api/v1/alm/learning-objects?limit=4';
    while (next) {
      const page = await api().get(next).set(key).expect(200);
      seen.push(...page.body.map((lo: { loId: string }) => lo.loId));
      const link = page.headers.link as string | undefined;
      next = link ? new URL(/^<([^>]+)>/.exec(link)![1]).pathname + new URL(/^<([^>]+)>/.exec(link)![1]).search : undefined;
    }
    expect(seen).toEqual(all.body.map((lo: { loId: string }) => lo.loId));
    const bad = await api().get('/api/v1/alm/learning-objects?after=nonsense').set(key).expect(400);
    expect(bad.body.errors[0].field).toBe('after');
    await api().get('/api/v1/alm/learning-objects?state=gone').set(key).expect(400);
  });

  it('is scoped to the key’s programs and needs events:read', async () => {
    const stranger = await readerKey([await createProgram()]);
    expect((await api().get('/api/v1/alm/learning-objects').set(stranger).expect(200)).body).toEqual([]);
    await api().get('/api/v1/alm/learning-objects/course:500').set(stranger).expect(404);
    await api().get(`/api/v1/alm/learning-objects?programId=${webhook.programId}`).set(stranger).expect(403);
    const writer = await readerKey([webhook.programId], ['events:write']);
    await api().get('/api/v1/alm/learning-objects').set(writer).expect(403);
    await api().get('/api/v1/alm/learning-objects').expect(401);
    await api().get('/api/v1/alm/learning-objects/course:nope').set(reader).expect(404);
  });

  it('asks which program when the key’s programs hold the object twice', async () => {
    const other = await createWebhook({ type: 'none' });
    await send(other, event('LEARNING_OBJECT_DRAFT', 1_725_000_000, { loId: 'course:500' }));
    const both = await readerKey([webhook.programId, other.programId]);
    const res = await api().get('/api/v1/alm/learning-objects/course:500').set(both).expect(400);
    expect(res.body.errors[0].field).toBe('programId');
    expect((await api().get(`/api/v1/alm/learning-objects/course:500?programId=${other.programId}`).set(both).expect(200)).body.state).toBe('draft');
  });

  it('is documented in Swagger', async () => {
    const doc = (await api().get('/docs-json').expect(200)).body;
    for (const path of ['/api/v1/alm/learning-objects', '/api/v1/alm/learning-objects/{loId}', '/webhooks/alm/{webhookId}', '/admin/alm/webhooks', '/admin/alm/webhooks/{id}', '/admin/alm/webhooks/{id}/deliveries']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(doc.paths['/webhooks/alm/{webhookId}'].post.requestBody.content['application/json'].examples).toBeDefined();
    expect(doc.paths['/admin/alm/webhooks'].post.requestBody.content['application/json'].examples.signature).toBeDefined();
  });
});
