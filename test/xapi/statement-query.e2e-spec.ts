import { randomUUID } from 'node:crypto';
import { api } from '../support/hub.js';
import { createClient, lrs, postStatements, statement, type TestClient } from './xapi-support.js';

const get = (client: TestClient, query: Record<string, unknown>) => {
  const params = new URLSearchParams(Object.entries(query).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)]));
  return api().get(`/xAPI/statements?${params.toString()}`).set(lrs(client));
};
const ids = (body: { statements: { id: string }[] }) => body.statements.map((s) => s.id);

describe('GET /xAPI/statements (Communication 2.1.3)', () => {
  let client: TestClient;
  const verb = `http://example.com/verbs/${randomUUID()}`;
  const registration = randomUUID();
  const learner = { objectType: 'Agent', mbox: `mailto:learner-${randomUUID()}@example.com` };
  const teacher = { objectType: 'Agent', mbox: `mailto:teacher-${randomUUID()}@example.com` };
  const course = `http://example.com/courses/${randomUUID()}`;
  const lesson = `http://example.com/lessons/${randomUUID()}`;
  let first: Record<string, unknown>;
  let second: Record<string, unknown>;
  let third: Record<string, unknown>;
  let between: string;

  beforeAll(async () => {
    client = await createClient();
    first = statement({ actor: learner, verb: { id: verb }, object: { objectType: 'Activity', id: lesson }, context: { registration, contextActivities: { parent: { id: course } } } });
    await postStatements(client, first);
    between = new Date().toISOString();
    second = statement({ actor: teacher, verb: { id: verb }, object: { objectType: 'Activity', id: course }, context: { instructor: learner } });
    third = statement({ actor: learner, object: { objectType: 'Activity', id: course, definition: { name: { 'en-US': 'Course', 'de-DE': 'Kurs' } } }, verb: { id: verb, display: { 'en-US': 'did', 'de-DE': 'tat' } } });
    await postStatements(client, [second, third]);
  });

  it('returns one Statement by statementId, exactly as application/json', async () => {
    const res = await get(client, { statementId: first.id }).expect(200);
    expect(res.headers['content-type']).toBe('application/json');
    expect(res.body).toMatchObject({ id: first.id, verb: { id: verb } });
    await get(client, { statementId: randomUUID() }).expect(404);
  });

  it('filters by verb, agent, activity and registration, newest first', async () => {
    expect(ids((await get(client, { verb }).expect(200)).body)).toEqual([third.id, second.id, first.id]);
    expect(ids((await get(client, { verb, agent: learner }).expect(200)).body)).toEqual([third.id, first.id]);
    expect(ids((await get(client, { verb, activity: course }).expect(200)).body)).toEqual([third.id, second.id]);
    expect(ids((await get(client, { registration }).expect(200)).body)).toEqual([first.id]);
    expect(ids((await get(client, { verb, agent: learner, activity: lesson, registration }).expect(200)).body)).toEqual([first.id]);
  });

  it('widens agent and activity with related_agents and related_activities', async () => {
    expect(ids((await get(client, { verb, agent: learner, related_agents: 'true' }).expect(200)).body)).toEqual([third.id, second.id, first.id]);
    expect(ids((await get(client, { verb, activity: course, related_activities: 'true' }).expect(200)).body)).toEqual([third.id, second.id, first.id]);
    const authority = { objectType: 'Agent', account: { homePage: 'https://learning-hub.dev/xapi/clients', name: client.clientId } };
    expect(ids((await get(client, { verb, agent: authority, related_agents: 'true' }).expect(200)).body)).toHaveLength(3);
  });

  it('bounds by stored time with since and until, orders with ascending, pages with limit', async () => {
    expect(ids((await get(client, { verb, since: between }).expect(200)).body)).toEqual([third.id, second.id]);
    expect(ids((await get(client, { verb, until: between }).expect(200)).body)).toEqual([first.id]);
    expect(ids((await get(client, { verb, ascending: 'true' }).expect(200)).body)).toEqual([first.id, second.id, third.id]);
    const page = (await get(client, { verb, limit: '1' }).expect(200)).body;
    expect(ids(page)).toEqual([third.id]);
    expect(page.more).toMatch(/^\/xAPI\/statements\?more=/);
    expect((await get(client, { verb: 'http://example.com/verbs/none' }).expect(200)).body).toEqual({ statements: [], more: '' });
  });

  it('formats as ids or canonical with Accept-Language (XAPI-00170-172)', async () => {
    const idsFormat = (await get(client, { statementId: third.id, format: 'ids' }).expect(200)).body;
    expect(idsFormat.object).toEqual({ id: course });
    expect(idsFormat.verb).toEqual({ id: verb });
    const canonical = await api().get(`/xAPI/statements?statementId=${third.id as string}&format=canonical`).set(lrs(client)).set('Accept-Language', 'de-DE').expect(200);
    expect(canonical.body.verb.display).toEqual({ 'de-DE': 'tat' });
    expect(canonical.body.object.definition.name).toEqual({ 'de-DE': 'Kurs' });
    const exact = (await get(client, { statementId: third.id }).expect(200)).body;
    expect(exact.verb.display).toEqual({ 'en-US': 'did', 'de-DE': 'tat' });
  });

  it('answers multipart/mixed only for attachments=true (XAPI-00161, XAPI-00167)', async () => {
    const multipart = await get(client, { verb, attachments: 'true' }).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
    expect(multipart.status).toBe(200);
    expect(multipart.headers['content-type']).toMatch(/^multipart\/mixed; boundary=/);
    expect((multipart.body as Buffer).toString()).toContain(third.id as string);
    expect((await get(client, { verb, attachments: 'false' }).expect(200)).headers['content-type']).toBe('application/json');
  });

  it('rejects statementId with a filter, and statementId with voidedStatementId (XAPI-00150, XAPI-00151)', async () => {
    await get(client, { statementId: first.id, verb }).expect(400);
    await get(client, { statementId: first.id, limit: '1' }).expect(400);
    await get(client, { statementId: first.id, voidedStatementId: second.id }).expect(400);
    await get(client, { statementId: first.id, format: 'ids', attachments: 'false' }).expect(200);
  });

  it('sends X-Experience-API-Version and X-Experience-API-Consistent-Through on every answer, errors included', async () => {
    for (const res of [await get(client, { verb }), await api().get('/xAPI/statements').set(client.basic), await get(client, { foo: 'bar' })]) {
      expect(res.headers['x-experience-api-version']).toBe('1.0.3');
      expect(Date.parse(res.headers['x-experience-api-consistent-through'] as string)).not.toBeNaN();
    }
    const result = await get(client, { verb }).expect(200);
    const through = Date.parse(result.headers['x-experience-api-consistent-through'] as string);
    for (const s of result.body.statements as { stored: string }[]) expect(Date.parse(s.stored)).toBeLessThanOrEqual(through);
    expect((await api().get('/xAPI/about')).headers['x-experience-api-version']).toBe('1.0.3');
  });

  it('answers HEAD like GET without a body (Communication 1.1)', async () => {
    const res = await api().head(`/xAPI/statements?verb=${encodeURIComponent(verb)}`).set(lrs(client)).expect(200);
    expect(res.text ?? '').toBe('');
    expect(res.headers['x-experience-api-version']).toBe('1.0.3');
  });

  it('answers 405 for methods the resources do not have, even unauthenticated (Communication 3.2)', async () => {
    await api().delete(`/xAPI/statements?statementId=${randomUUID()}`).set('X-Experience-API-Version', '1.0.1').expect(405);
    await api().post('/xAPI/activities?activityId=http://example.com/a').set(lrs(client)).expect(405);
    await api().put('/xAPI/agents').set(lrs(client)).expect(405);
    await api().delete('/xAPI/agents').set('X-Experience-API-Version', '1.0.1').expect(405);
  });

  it('answers 400 for a missing or unsupported X-Experience-API-Version before looking at credentials (Communication 3.3.s3.b7)', async () => {
    const missing = await api().get(`/xAPI/statements?statementId=${randomUUID()}`).expect(400);
    expect(missing.headers['x-experience-api-consistent-through']).toBeDefined();
    await api().post('/xAPI/statements').send(statement()).expect(400);
    await api().put(`/xAPI/statements?statementId=${randomUUID()}`).send(statement()).expect(400);
    await api().get('/xAPI/statements').set('X-Experience-API-Version', '0.95').set('Authorization', 'Basic Zm9vOmJhcg==').expect(400);
    await api().get('/xAPI/activities/state').expect(400);
  });

  it('answers 401 for missing, malformed or wrong credentials (Communication 4.0)', async () => {
    await api().get('/xAPI/statements').set('X-Experience-API-Version', '1.0.3').expect(401);
    await api().get('/xAPI/statements').set('X-Experience-API-Version', '1.0.3').set('Authorization', `Basic ${Buffer.from('foo:bar').toString('base64')}`).expect(401);
    await api().get('/xAPI/statements').set('X-Experience-API-Version', '1.0.3').set('Authorization', `Basic:${Buffer.from('foo:bar').toString('base64')}`).expect(401);
    const wrong = await api().get('/xAPI/statements').set('X-Experience-API-Version', '1.0.3').set('Authorization', 'Bearer xat_nope');
    expect(wrong.status).toBe(401);
    expect(wrong.headers['www-authenticate']).toContain('Basic');
  });

  it('leaves other routes alone: an unknown content type outside /xAPI is still a 415 problem', async () => {
    const res = await api().post('/api/v1/events').set('Content-Type', 'text/xml').send('<event/>');
    expect(res.status).toBe(415);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.headers['x-experience-api-version']).toBeUndefined();
  });

  it('serves /about without authentication', async () => {
    expect((await api().get('/xAPI/about').expect(200)).body).toEqual({ version: ['1.0.0', '1.0.1', '1.0.2', '1.0.3'] });
  });
});

describe('program isolation', () => {
  it('lets a client read and write only its own program, even under the same Statement id', async () => {
    const a = await createClient();
    const b = await createClient();
    const shared = statement();
    await postStatements(a, shared);
    await api().get(`/xAPI/statements?statementId=${shared.id as string}`).set(lrs(b)).expect(404);
    expect((await api().get(`/xAPI/statements?verb=${encodeURIComponent('http://adlnet.gov/expapi/verbs/attempted')}`).set(lrs(b)).expect(200)).body.statements).toEqual([]);
    // Each program is an LRS of its own: b may store a different Statement under the same id.
    await postStatements(b, { ...shared, verb: { id: 'http://adlnet.gov/expapi/verbs/passed' } });
    expect((await api().get(`/xAPI/statements?statementId=${shared.id as string}`).set(lrs(a)).expect(200)).body.verb.id).toBe('http://adlnet.gov/expapi/verbs/attempted');
    expect((await api().get(`/xAPI/statements?statementId=${shared.id as string}`).set(lrs(b)).expect(200)).body.verb.id).toBe('http://adlnet.gov/expapi/verbs/passed');
  });
});
