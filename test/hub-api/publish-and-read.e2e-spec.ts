import { api, countStored, eventually, lbEvent, nextPath, publisher, readFeed, waitForDrain } from '../support/hub.js';

describe('publishing and reading Learning Hub events', () => {
  it('stores an event posted three times once, under the same EventId', async () => {
    const p = await publisher();
    const event = lbEvent(p.programId);
    const ids = [];
    for (let i = 0; i < 3; i++) {
      const res = await api().post('/api/v1/events').set(p.auth).send(event).expect(202);
      ids.push(res.body[0].EventId);
    }
    expect(new Set(ids).size).toBe(1);
    expect(ids[0]).toMatch(new RegExp(`^${p.programId}-[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`));
    await waitForDrain();
    expect(await countStored(p.programId)).toBe(1);
    const stored = await api().get(`/api/v1/events/${ids[0]}`).set(p.auth).expect(200);
    expect(stored.body).toMatchObject({ ...event, EventId: ids[0], EventStartUtc: '2024-03-01T14:30:00.000Z', EventEndUtc: '2024-03-01T14:30:00.000Z' });
    expect(new Date(stored.body.CreatedUtc).getTime()).toBeGreaterThan(Date.now() - 120_000);
  });

  it('accepts a batch of 500 and answers receipts in input order', async () => {
    const p = await publisher();
    const batch = Array.from({ length: 500 }, (_, i) => lbEvent(p.programId, { PublisherEventId: `AI:${i}` }));
    const res = await api().post('/api/v1/events').set(p.auth).send(batch).expect(202);
    expect(res.body.map((r: { PublisherEventId: string }) => r.PublisherEventId)).toEqual(batch.map((e) => e.PublisherEventId));
    await eventually(async () => (await countStored(p.programId)) === 500, 60_000, '500 events stored');
  });

  it('keeps an activity instance’s start, completion, reopen and re-completion as four events', async () => {
    const p = await publisher();
    const steps = [
      ['AI_STARTED', '2024-01-01T10:00:00Z'],
      ['AI_COMP_SUCCESS', '2024-01-02T10:00:00Z'],
      ['AI_REOPENED', '2024-01-03T10:00:00Z'],
      ['AI_COMP_SUCCESS', '2024-01-04T10:00:00Z'],
    ];
    await api()
      .post('/api/v1/events')
      .set(p.auth)
      .send(steps.map(([EventType, EventStartUtc]) => lbEvent(p.programId, { PublisherEventId: 'AI:77', EventType, EventStartUtc })))
      .expect(202);
    await waitForDrain();
    const res = await api().get('/api/v1/events?PublisherEventId=AI:77').set(p.auth).expect(200);
    expect(res.body.map((e: { EventType: string }) => e.EventType).sort()).toEqual(['AI_COMP_SUCCESS', 'AI_COMP_SUCCESS', 'AI_REOPENED', 'AI_STARTED']);
  });

  it('filters the feed and pages it with Link rel="next"', async () => {
    const p = await publisher();
    const events = [
      ...Array.from({ length: 5 }, (_, i) => lbEvent(p.programId, { PublisherParticipantId: 'ann@example.com', EventStartUtc: `2024-05-0${i + 1}T00:00:00Z`, EventEndUtc: null })),
      lbEvent(p.programId, { PublisherParticipantId: 'bob@example.com', EventType: 'AI_STARTED', PublisherEventCategory: { value: 'cpd', label: 'CPD' }, EventEndUtc: null }),
    ];
    await api().post('/api/v1/events').set(p.auth).send(events).expect(202);
    await waitForDrain();

    const ann = await api().get('/api/v1/events?PublisherParticipantId=ann@example.com&limit=2').set(p.auth).expect(200);
    expect(ann.body).toHaveLength(2);
    const page2 = await api().get(nextPath(ann.headers.link)).set(p.auth).expect(200);
    const page3 = await api().get(nextPath(page2.headers.link)).set(p.auth).expect(200);
    expect(page2.body).toHaveLength(2);
    expect(page3.body).toHaveLength(1);
    const ids = [...ann.body, ...page2.body, ...page3.body].map((e: { EventId: string }) => e.EventId);
    expect(new Set(ids).size).toBe(5);
    expect(nextPath(page3.headers.link)).toContain('PublisherParticipantId=ann%40example.com');

    const byType = await api().get('/api/v1/events?EventType=AI_STARTED').set(p.auth).expect(200);
    expect(byType.body.map((e: { PublisherParticipantId: string }) => e.PublisherParticipantId)).toEqual(['bob@example.com']);
    const byCategory = await api().get('/api/v1/events?PublisherEventCategory=cpd').set(p.auth).expect(200);
    expect(byCategory.body).toHaveLength(1);
    const byTime = await api().get('/api/v1/events?from=2024-05-02T00:00:00Z&to=2024-05-04T00:00:00Z').set(p.auth).expect(200);
    expect(byTime.body.map((e: { EventStartUtc: string }) => e.EventStartUtc).sort()).toEqual(['2024-05-02T00:00:00.000Z', '2024-05-03T00:00:00.000Z']);
    const bySystem = await api().get('/api/v1/events?PublisherSystemId=ALM').set(p.auth).expect(200);
    expect(bySystem.body).toEqual([]);
  });

  it('gives an empty last page a next link that later returns new events', async () => {
    const p = await publisher();
    const first = await readFeed(p.auth);
    expect(first.events).toEqual([]);
    await api().post('/api/v1/events').set(p.auth).send(lbEvent(p.programId)).expect(202);
    await waitForDrain();
    const later = await api().get(first.next).set(p.auth).expect(200);
    expect(later.body).toHaveLength(1);
  });

  it('answers 404 for an unknown event and 400 for a bad cursor or limit', async () => {
    const p = await publisher();
    await api().get(`/api/v1/events/${p.programId}-00000000-0000-5000-8000-000000000000`).set(p.auth).expect(404);
    const cursor = await api().get('/api/v1/events?after=garbage').set(p.auth).expect(400);
    expect(cursor.body.errors[0].field).toBe('after');
    const limit = await api().get('/api/v1/events?limit=1001').set(p.auth).expect(400);
    expect(limit.body.errors[0].field).toBe('limit');
  });
});
