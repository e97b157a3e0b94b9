import { api, countStored, lbEvent, publisher, waitForDrain } from '../support/hub.js';

type Auth = { Authorization: string };

async function expectFieldError(auth: Auth, body: unknown, field: string, message?: RegExp): Promise<void> {
  const res = await api().post('/api/v1/events').set(auth).send(body as object).expect(400);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(res.body).toMatchObject({ status: 400, title: 'Bad Request' });
  const fields = (res.body.errors as { field: string; message: string }[]).filter((e) => e.field === field);
  expect(fields.length).toBeGreaterThan(0);
  if (message) expect(fields.map((f) => f.message).join(' ')).toMatch(message);
}

describe('POST /api/v1/events validation', () => {
  let p: { programId: string; auth: Auth };
  beforeAll(async () => {
    p = await publisher();
  });

  it.each([
    ['PublisherProgramId', undefined],
    ['PublisherSystemId', undefined],
    ['EventType', undefined],
    ['PublisherEventId', undefined],
    ['PublisherParticipantId', undefined],
    ['EventStartUtc', undefined],
  ])('requires %s', async (field) => {
    const event = lbEvent(p.programId);
    delete event[field];
    await expectFieldError(p.auth, event, field);
  });

  it.each([
    ['PublisherProgramId', 26],
    ['EventType', 51],
    ['PublisherEventId', 201],
    ['PublisherParticipantId', 201],
  ])('limits %s to the seed’s length', async (field, length) => {
    await expectFieldError(p.auth, lbEvent(p.programId, { [field]: 'x'.repeat(length) }), field);
  });

  it('accepts fields at exactly their maximum length', async () => {
    await api()
      .post('/api/v1/events')
      .set(p.auth)
      .send(lbEvent(p.programId, { PublisherEventId: 'e'.repeat(200), PublisherParticipantId: 'p'.repeat(200) }))
      .expect(202);
  });

  it('accepts only the LB event types of the seed', async () => {
    await expectFieldError(p.auth, lbEvent(p.programId, { EventType: 'COURSE_COMPLETED' }), 'EventType', /AI_COMP_SUCCESS/);
    for (const type of ['LPI_STARTED', 'LPI_COMP_UNSUCCESS', 'LPI_COMP_SUCCESS', 'LPI_REOPENED', 'AI_STARTED', 'AI_COMP_UNSUCCESS', 'AI_COMP_SUCCESS', 'AI_REOPENED']) {
      await api().post('/api/v1/events').set(p.auth).send(lbEvent(p.programId, { EventType: type })).expect(202);
    }
  });

  it('accepts only LB as PublisherSystemId', async () => {
    await expectFieldError(p.auth, lbEvent(p.programId, { PublisherSystemId: 'ALM' }), 'PublisherSystemId');
  });

  it('requires ISO 8601 date-times and an end not before the start', async () => {
    await expectFieldError(p.auth, lbEvent(p.programId, { EventStartUtc: 'yesterday' }), 'EventStartUtc');
    await expectFieldError(p.auth, lbEvent(p.programId, { EventStartUtc: '2024-02-30T10:00:00Z' }), 'EventStartUtc');
    await expectFieldError(p.auth, lbEvent(p.programId, { EventEndUtc: 1709303400 }), 'EventEndUtc');
    await expectFieldError(p.auth, lbEvent(p.programId, { EventStartUtc: '2024-03-02T00:00:00Z', EventEndUtc: '2024-03-01T00:00:00Z' }), 'EventEndUtc', /before/);
  });

  it('requires PublisherEventData to be a JSON object and PublisherEventCategory to have value and label', async () => {
    await expectFieldError(p.auth, lbEvent(p.programId, { PublisherEventData: 'text' }), 'PublisherEventData');
    await expectFieldError(p.auth, lbEvent(p.programId, { PublisherEventCategory: { value: 'x' } }), 'PublisherEventCategory.label');
  });

  it('refuses NUL characters, which PostgreSQL cannot store', async () => {
    await expectFieldError(p.auth, lbEvent(p.programId, { PublisherEventData: { note: 'a\u0000b' } }), 'PublisherEventData', /NUL/);
  });

  it('refuses unknown properties', async () => {
    await expectFieldError(p.auth, lbEvent(p.programId, { Extra: 1 }), 'Extra', /should not exist/);
  });

  it('names the field by index in an array', async () => {
    const batch = [lbEvent(p.programId), lbEvent(p.programId, { EventType: 'NOPE' }), lbEvent(p.programId), 'not an event'];
    const res = await api().post('/api/v1/events').set(p.auth).send(batch).expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['[1].EventType', '[3]']));
  });

  it('refuses an empty array, a scalar body and more than 500 events', async () => {
    await expectFieldError(p.auth, [], 'body');
    await expectFieldError(p.auth, Array.from({ length: 501 }, () => lbEvent(p.programId)), 'body', /500/);
    const res = await api().post('/api/v1/events').set(p.auth).set('Content-Type', 'application/json').send('42').expect(400);
    expect(res.body.errors[0].field).toBe('body');
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await api().post('/api/v1/events').set(p.auth).set('Content-Type', 'application/json').send('{"PublisherProgramId":').expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('enqueues nothing when one event of a batch is bad', async () => {
    const fresh = await publisher();
    const batch = Array.from({ length: 20 }, () => lbEvent(fresh.programId));
    batch[13] = lbEvent(fresh.programId, { EventStartUtc: 'not-a-date' });
    const res = await api().post('/api/v1/events').set(fresh.auth).send(batch).expect(400);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: '[13].EventStartUtc' })]);
    await api().post('/api/v1/events').set(fresh.auth).send(lbEvent(fresh.programId)).expect(202);
    await waitForDrain();
    expect(await countStored(fresh.programId)).toBe(1);
  });
});
