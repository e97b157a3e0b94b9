import { createHash, randomUUID } from 'node:crypto';
import { api } from '../support/hub.js';
import { createClient, lrs, postStatements, statement, type TestClient } from './xapi-support.js';

const AGENT = { objectType: 'Agent', account: { homePage: 'http://www.example.com/agentId/1', name: 'Rick James' } };
const qs = (params: Record<string, unknown>) =>
  new URLSearchParams(Object.entries(params).map(([k, v]): [string, string] => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString();
const sha1 = (text: string) => createHash('sha1').update(text).digest('hex');

describe('document resources with ETags (Communication 2.2-2.7, 3.1)', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await createClient();
  });

  const state = () => ({ activityId: 'http://www.example.com/activityId/hashset', agent: AGENT, stateId: randomUUID() });
  const stateUrl = (params: Record<string, unknown>) => `/xAPI/activities/state?${qs(params)}`;

  it('stores, reads (with a quoted SHA-1 ETag), merges and deletes a State document', async () => {
    const params = state();
    await api().put(stateUrl(params)).set(lrs(client)).send({ car: { make: 'Ford' }, driver: 'Dale' }).expect(204);
    const read = await api().get(stateUrl(params)).set(lrs(client)).expect(200);
    expect(read.body).toEqual({ car: { make: 'Ford' }, driver: 'Dale' });
    expect(read.headers['etag']).toBe(`"${sha1(JSON.stringify({ car: { make: 'Ford' }, driver: 'Dale' }))}"`);
    await api().post(stateUrl(params)).set(lrs(client)).send({ car: { model: 'Ram' }, type: 'Civic' }).expect(204);
    expect((await api().get(stateUrl(params)).set(lrs(client)).expect(200)).body).toEqual({ car: { model: 'Ram' }, driver: 'Dale', type: 'Civic' });
    await api().delete(stateUrl(params)).set(lrs(client)).expect(204);
    await api().get(stateUrl(params)).set(lrs(client)).expect(404);
  });

  it('keeps any content type byte for byte and refuses to merge non-JSON (Communication 2.2.s8)', async () => {
    const params = state();
    await api().put(stateUrl(params)).set(lrs(client)).set('Content-Type', 'application/octet-stream').send(Buffer.from([0, 1, 2, 255])).expect(204);
    const read = await api().get(stateUrl(params)).set(lrs(client)).buffer(true).parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    }).expect(200);
    expect(read.headers['content-type']).toBe('application/octet-stream');
    expect([...(read.body as Buffer)]).toEqual([0, 1, 2, 255]);
    await api().post(stateUrl(params)).set(lrs(client)).send({ a: 1 }).expect(400);

    const json = state();
    await api().post(stateUrl(json)).set(lrs(client)).send({ a: 1 }).expect(204);
    await api().post(stateUrl(json)).set(lrs(client)).set('Content-Type', 'application/x-www-form-urlencoded').send('abc').expect(400);
    await api().post(stateUrl(json)).set(lrs(client)).set('Content-Type', 'application/json').send('{"b":').expect(400);
    expect((await api().get(stateUrl(json)).set(lrs(client)).expect(200)).body).toEqual({ a: 1 });
  });

  it('applies If-Match and If-None-Match (412) and keeps the document when they fail', async () => {
    const params = state();
    await api().put(stateUrl(params)).set(lrs(client)).send({ v: 1 }).expect(204);
    const etag = (await api().get(stateUrl(params)).set(lrs(client)).expect(200)).headers['etag'] as string;
    await api().put(stateUrl(params)).set(lrs(client)).set('If-Match', '"1111111111111111111111111111111111111111"').send({ v: 2 }).expect(412);
    await api().put(stateUrl(params)).set(lrs(client)).set('If-None-Match', '*').send({ v: 2 }).expect(412);
    expect((await api().get(stateUrl(params)).set(lrs(client)).expect(200)).body).toEqual({ v: 1 });
    await api().put(stateUrl(params)).set(lrs(client)).set('If-Match', etag).send({ v: 3 }).expect(204);
    expect((await api().get(stateUrl(params)).set(lrs(client)).expect(200)).body).toEqual({ v: 3 });
    await api().delete(stateUrl(params)).set(lrs(client)).set('If-Match', etag).expect(412);
  });

  it('lists state ids, filters them by since, and deletes all states of an activity and agent', async () => {
    const activityId = `http://www.example.com/activities/${randomUUID()}`;
    const registration = randomUUID();
    const ids = [randomUUID(), randomUUID()];
    for (const stateId of ids) await api().put(stateUrl({ activityId, agent: AGENT, stateId, registration })).set(lrs(client)).send({ stateId }).expect(204);
    await api().put(stateUrl({ activityId, agent: AGENT, stateId: 'other-registration' })).set(lrs(client)).send({}).expect(204);
    const listed = await api().get(stateUrl({ activityId, agent: AGENT, registration })).set(lrs(client)).expect(200);
    expect([...listed.body].sort()).toEqual([...ids].sort());
    expect((await api().get(stateUrl({ activityId, agent: AGENT, registration, since: new Date(Date.now() + 60_000).toISOString() })).set(lrs(client)).expect(200)).body).toEqual([]);
    await api().delete(stateUrl({ activityId, agent: AGENT, registration })).set(lrs(client)).expect(204);
    expect((await api().get(stateUrl({ activityId, agent: AGENT, registration })).set(lrs(client)).expect(200)).body).toEqual([]);
    expect((await api().get(stateUrl({ activityId, agent: AGENT })).set(lrs(client)).expect(200)).body).toEqual(['other-registration']);
  });

  it.each([
    ['without activityId', { agent: AGENT, stateId: 's' }],
    ['with an activityId that is not an IRI', { activityId: 'true', agent: AGENT, stateId: 's' }],
    ['without agent', { activityId: 'http://example.com/a', stateId: 's' }],
    ['with an agent that is not JSON', { activityId: 'http://example.com/a', agent: 'not JSON', stateId: 's' }],
    ['with a registration that is not a UUID', { activityId: 'http://example.com/a', agent: AGENT, stateId: 's', registration: 'not UUID' }],
    ['without stateId', { activityId: 'http://example.com/a', agent: AGENT }],
    ['with an unknown parameter', { activityId: 'http://example.com/a', agent: AGENT, stateId: 's', profileId: 'p' }],
  ])('rejects a State PUT %s (400)', async (_name, params) => {
    await api().put(stateUrl(params)).set(lrs(client)).send({ a: 1 }).expect(400);
  });

  it('requires If-Match or If-None-Match on an Activity Profile PUT: 400 for a new document, 409 for an existing one (Communication 3.1.s3.b1, 3.1.s4.b13)', async () => {
    const url = `/xAPI/activities/profile?${qs({ activityId: 'http://www.example.com/activityId/hashset', profileId: randomUUID() })}`;
    await api().put(url).set(lrs(client)).send({ p: 1 }).expect(400);
    await api().get(url).set(lrs(client)).expect(404);
    await api().put(url).set(lrs(client)).set('If-None-Match', '*').send({ p: 1 }).expect(204);
    const conflict = await api().put(url).set(lrs(client)).send({ p: 2 }).expect(409);
    expect(conflict.body.message).toMatch(/If-Match/);
    const etag = (await api().get(url).set(lrs(client)).expect(200)).headers['etag'] as string;
    await api().put(url).set(lrs(client)).set('If-Match', etag).send({ p: 2 }).expect(204);
    expect((await api().get(url).set(lrs(client)).expect(200)).body).toEqual({ p: 2 });
    const ids = await api().get(`/xAPI/activities/profile?${qs({ activityId: 'http://www.example.com/activityId/hashset' })}`).set(lrs(client)).expect(200);
    expect(ids.body).toEqual(expect.arrayContaining([new URL(url, 'http://x').searchParams.get('profileId')]));
    await api().put(`${url.replace('profileId', 'agent')}`).set(lrs(client)).set('If-None-Match', '*').send({}).expect(400);
  });

  it('requires If-Match or If-None-Match on an Agent Profile PUT (400 new, 409 existing) and merges on POST (Communication 3.1)', async () => {
    const url = `/xAPI/agents/profile?${qs({ agent: AGENT, profileId: randomUUID() })}`;
    await api().put(url).set(lrs(client)).set('Content-Type', 'text/plain').send('/ asdf / undefined').expect(400);
    await api().put(url).set(lrs(client)).set('If-None-Match', '*').set('Content-Type', 'text/plain').send('/ asdf / undefined').expect(204);
    await api().put(url).set(lrs(client)).send({ car: 'Honda' }).expect(409);
    expect((await api().get(url).set(lrs(client)).expect(200)).text).toBe('/ asdf / undefined');
    await api().put(url).set(lrs(client)).set('If-Match', '*').send({ car: 'Honda' }).expect(204);
    await api().put(url).set(lrs(client)).set('If-None-Match', '*').send({ car: 'Ford' }).expect(412);
    await api().post(url).set(lrs(client)).send({ type: 'Civic' }).expect(204);
    expect((await api().get(url).set(lrs(client)).expect(200)).body).toEqual({ car: 'Honda', type: 'Civic' });
    await api().get(`/xAPI/agents/profile?${qs({ agent: { not_actor: 'yup' } })}`).set(lrs(client)).expect(400);
    await api().delete(url).set(lrs(client)).expect(204);
  });

  it('refuses a PUT or POST that carries no document: no body and no Content-Type (Communication 2.2)', async () => {
    const url = `/xAPI/activities/profile?${qs({ activityId: 'http://www.example.com/activityId/hashset', profileId: randomUUID() })}`;
    await api().post(url).set(lrs(client)).expect(400);
    await api().put(url).set(lrs(client)).set('If-None-Match', '*').expect(400);
    await api().get(url).set(lrs(client)).expect(404);
    await api().put(url).set(lrs(client)).set('If-None-Match', '*').set('Content-Type', 'text/plain').send('').expect(204);
  });

  it('keeps documents per program', async () => {
    const other = await createClient();
    const params = state();
    await api().put(stateUrl(params)).set(lrs(client)).send({ mine: true }).expect(204);
    await api().get(stateUrl(params)).set(lrs(other)).expect(404);
  });
});

describe('Agents and Activities resources (Communication 2.4, 2.5)', () => {
  it('returns a Person for an agent, and an Activity with every definition Statements gave it merged (Communication 2.5, XAPI-00254)', async () => {
    const client = await createClient();
    const person = await api().get(`/xAPI/agents?${qs({ agent: { name: 'Ada', mbox: 'mailto:ada@example.com' } })}`).set(lrs(client)).expect(200);
    expect(person.body).toEqual({ objectType: 'Person', name: ['Ada'], mbox: ['mailto:ada@example.com'] });
    await api().get('/xAPI/agents').set(lrs(client)).expect(400);

    const activityId = `http://example.com/activities/${randomUUID()}`;
    const object = { objectType: 'Activity', id: activityId, definition: { name: { 'en-US': 'Second' }, type: 'http://adlnet.gov/expapi/activities/course' } };
    await postStatements(client, statement({ object: { ...object, definition: { name: { 'en-US': 'First' } } } }));
    await postStatements(client, statement({ object }));
    expect((await api().get(`/xAPI/activities?${qs({ activityId })}`).set(lrs(client)).expect(200)).body).toEqual(object);
    await postStatements(client, statement({ object: { id: activityId, definition: { name: { 'fr-FR': 'Deuxième' } } } }));
    expect((await api().get(`/xAPI/activities?${qs({ activityId })}`).set(lrs(client)).expect(200)).body.definition).toEqual({
      name: { 'en-US': 'Second', 'fr-FR': 'Deuxième' },
      type: 'http://adlnet.gov/expapi/activities/course',
    });
    expect((await api().get(`/xAPI/activities?${qs({ activityId: 'http://example.com/unknown' })}`).set(lrs(client)).expect(200)).body).toEqual({
      objectType: 'Activity',
      id: 'http://example.com/unknown',
    });
    await api().get('/xAPI/activities?activityId=1').set(lrs(client)).expect(400);
    await api().head(`/xAPI/activities?${qs({ activityId })}`).set(lrs(client)).expect(200);
  });
});
