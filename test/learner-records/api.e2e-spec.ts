import { api, asAdmin, createApiKey, createProgram, lbEvent, nextPath, waitForDrain } from '../support/hub.js';
import { readRecords, type RecordBody } from './records-support.js';

const lb = (programId: string, who: string, object: string, EventType: string, time: string) =>
  lbEvent(programId, { PublisherParticipantId: who, PublisherEventId: object, EventType, EventStartUtc: time, EventEndUtc: time });

describe('GET /api/v1/learner-records', () => {
  let programA: string;
  let programB: string;
  let both: { Authorization: string };
  let onlyA: { Authorization: string };

  beforeAll(async () => {
    programA = await createProgram();
    programB = await createProgram();
    both = { Authorization: `Bearer ${(await createApiKey([programA, programB])).key}` };
    onlyA = { Authorization: `Bearer ${(await createApiKey([programA])).key}` };
    await api()
      .post('/api/v1/events')
      .set(both)
      .send([
        lb(programA, 'ann@example.com', 'AI:1', 'AI_COMP_SUCCESS', '2024-01-01T10:00:00Z'),
        lb(programA, 'ann@example.com', 'AI:2', 'AI_STARTED', '2024-01-01T10:00:00Z'),
        lb(programA, 'bob@example.com', 'AI:1', 'AI_COMP_UNSUCCESS', '2024-01-01T10:00:00Z'),
        lb(programA, 'bob@example.com', 'LPI:9', 'LPI_STARTED', '2024-01-01T10:00:00Z'),
        lb(programA, 'cy@example.com', 'AI:1', 'AI_STARTED', '2024-01-01T10:00:00Z'),
      ])
      .expect(202);
    await api()
      .post('/api/v1/events')
      .set(both)
      .send([lb(programB, 'ann@example.com', 'AI:1', 'AI_STARTED', '2024-01-01T10:00:00Z')])
      .expect(202);
    await waitForDrain();
  });

  const pairs = (records: RecordBody[]) => records.map((r) => `${r.PublisherProgramId === programA ? 'A' : 'B'} ${r.PublisherParticipantId} ${r.LearningObjectId}`).sort();

  it('lists the records of the key’s programs, with the fields of DESIGN.md and nothing else', async () => {
    const records = await readRecords(both);
    expect(pairs(records)).toEqual(['A ann@example.com AI:1', 'A ann@example.com AI:2', 'A bob@example.com AI:1', 'A bob@example.com LPI:9', 'A cy@example.com AI:1', 'B ann@example.com AI:1']);
    expect(Object.keys(records[0])).toEqual([
      'PublisherSystemId', 'PublisherProgramId', 'PublisherParticipantId', 'LearningObjectId', 'Status', 'SourceStatus', 'ProgressPercent',
      'Passed', 'EnrolledUtc', 'StartedUtc', 'CompletedUtc', 'DueDate', 'LastEventId', 'LastEventUtc', 'UpdatedUtc',
    ]);
  });

  it('filters by program, participant, learning object, status and system', async () => {
    expect(pairs(await readRecords(both, `PublisherProgramId=${programB}`))).toEqual(['B ann@example.com AI:1']);
    expect(pairs(await readRecords(both, 'PublisherParticipantId=ann@example.com'))).toEqual(['A ann@example.com AI:1', 'A ann@example.com AI:2', 'B ann@example.com AI:1']);
    expect(pairs(await readRecords(both, `PublisherProgramId=${programA}&LearningObjectId=AI:1`))).toEqual(['A ann@example.com AI:1', 'A bob@example.com AI:1', 'A cy@example.com AI:1']);
    expect(pairs(await readRecords(both, `PublisherProgramId=${programA}&Status=IN_PROGRESS`))).toEqual(['A ann@example.com AI:2', 'A bob@example.com LPI:9', 'A cy@example.com AI:1']);
    expect(pairs(await readRecords(both, 'Status=FAILED'))).toEqual(['A bob@example.com AI:1']);
    expect(await readRecords(both, 'PublisherSystemId=ALM')).toEqual([]);
    expect(pairs(await readRecords(both, 'PublisherSystemId=LB&LearningObjectId=LPI:9'))).toEqual(['A bob@example.com LPI:9']);
  });

  it('keeps a key to its programs: others are invisible, and asking for one is 403', async () => {
    expect(pairs(await readRecords(onlyA, 'PublisherParticipantId=ann@example.com'))).toEqual(['A ann@example.com AI:1', 'A ann@example.com AI:2']);
    const res = await api().get(`/api/v1/learner-records?PublisherProgramId=${programB}`).set(onlyA).expect(403);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('needs an API key with events:read', async () => {
    await api().get('/api/v1/learner-records').expect(401);
    const writer = await createApiKey([programA], ['events:write']);
    await api().get('/api/v1/learner-records').set({ Authorization: `Bearer ${writer.key}` }).expect(403);
  });

  it('pages in a stable order with Link rel="next" on every page, the last and empty ones too', async () => {
    const all = await readRecords(both);
    const seen: RecordBody[] = [];
    let next = '/api/v1/learner-records?limit=2';
    let pages = 0;
    for (;;) {
      const res = await api().get(next).set(both).expect(200);
      pages += 1;
      seen.push(...res.body);
      expect(res.headers.link).toMatch(/^<http[^>]+\/api\/v1\/learner-records\?[^>]*after=[^>]+>; rel="next"$/);
      next = nextPath(res.headers.link);
      expect(next).toContain('limit=2');
      if (res.body.length < 2) break;
    }
    expect(pages).toBe(4);
    expect(seen).toEqual(all);
    // Caught up: the same link again gives an empty page that still links to the same place.
    const empty = await api().get(next).set(both).expect(200);
    expect(empty.body).toEqual([]);
    expect(nextPath(empty.headers.link)).toBe(next);
  });

  it('updates a record in place: it keeps its position in the order', async () => {
    const before = await readRecords(onlyA);
    await api().post('/api/v1/events').set(onlyA).send(lb(programA, 'ann@example.com', 'AI:2', 'AI_COMP_SUCCESS', '2024-01-02T10:00:00Z')).expect(202);
    await waitForDrain();
    const after = await readRecords(onlyA);
    expect(after.map((r) => `${r.PublisherParticipantId} ${r.LearningObjectId}`)).toEqual(before.map((r) => `${r.PublisherParticipantId} ${r.LearningObjectId}`));
    const changed = after.find((r) => r.PublisherParticipantId === 'ann@example.com' && r.LearningObjectId === 'AI:2')!;
    expect(changed).toMatchObject({ Status: 'COMPLETED', Passed: true, CompletedUtc: '2024-01-02T10:00:00.000Z', StartedUtc: '2024-01-01T10:00:00.000Z' });
    expect(new Date(changed.UpdatedUtc).getTime()).toBeGreaterThan(new Date(before.find((r) => r.LearningObjectId === 'AI:2')!.UpdatedUtc).getTime());
  });

  it('answers bad filters with problem+json naming the field', async () => {
    for (const [query, field] of [['Status=DONE', 'Status'], ['limit=1001', 'limit'], ['limit=0', 'limit'], ['after=bm90LWEtY3Vyc29y', 'after'], ['Colour=red', 'Colour']]) {
      const res = await api().get(`/api/v1/learner-records?${query}`).set(both).expect(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(JSON.stringify(res.body)).toContain(field);
    }
  });

  it('is documented in Swagger, Status nullable and the bookkeeping hidden', async () => {
    const doc = (await api().get('/docs-json').expect(200)).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/learner-records', '/admin/learner-records/rebuild']));
    const list = doc.paths['/api/v1/learner-records'].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining(['PublisherSystemId', 'PublisherProgramId', 'PublisherParticipantId', 'LearningObjectId', 'Status', 'limit', 'after']),
    );
    const schema = doc.components.schemas.LearnerRecordDto;
    expect(schema.properties.Status).toMatchObject({ nullable: true, enum: expect.arrayContaining(['ENROLLED', 'WAITLISTED', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'UNENROLLED']) });
    expect(schema.properties.HighWaterMark).toBeUndefined();
    expect(schema.properties.LastEventId.example).toBeDefined();
  });

  it('rebuild needs the admin token', async () => {
    await api().post('/admin/learner-records/rebuild').send({}).expect(401);
    const res = await api().post('/admin/learner-records/rebuild').set(asAdmin()).send({ programIds: 'all' }).expect(400);
    expect(JSON.stringify(res.body)).toContain('programIds');
  });
});
