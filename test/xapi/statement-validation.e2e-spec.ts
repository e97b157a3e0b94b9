import { randomUUID } from 'node:crypto';
import { api } from '../support/hub.js';
import { createClient, lrs, statement, type TestClient } from './xapi-support.js';

/** A representative set of the Statement rules through HTTP; the unit suite holds all of them. */
describe('Statement validation through HTTP (Data 2.2-2.4, Communication 2.1)', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await createClient();
  });

  const rejected = async (body: unknown, path?: string) => {
    const res = await api().post('/xAPI/statements').set(lrs(client)).send(body as object);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body).toMatchObject({ status: 400, error: 'Bad Request', message: expect.any(String) });
    if (path !== undefined) expect((res.body.errors as { path: string }[]).map((e) => e.path)).toContain(path);
    return res;
  };

  it.each([
    ['actor missing (XAPI-00003)', statement({ actor: undefined }), 'actor'],
    ['verb missing (XAPI-00004)', statement({ verb: undefined }), 'verb'],
    ['object missing (XAPI-00005)', statement({ object: undefined }), 'object'],
    ['an id that is not a UUID (XAPI-00007)', statement({ id: 'not-a-uuid' }), 'id'],
    ['an mbox without mailto (Data 2.4.2.3)', statement({ actor: { mbox: 'ada@example.com' } }), 'actor.mbox'],
    ['an Agent with two identifiers (XAPI-00039)', statement({ actor: { mbox: 'mailto:a@b.c', openid: 'http://openid.example/a' } }), 'actor'],
    ['a verb id that is not an IRI (XAPI-00011)', statement({ verb: { id: 'should fail' } }), 'verb.id'],
    ['a malformed timestamp (XAPI-00022)', statement({ timestamp: '2024-13-01T00:00:00Z' }), 'timestamp'],
    ['null outside extensions (XAPI-00001)', statement({ result: { success: null } }), 'result.success'],
    ['an unknown property (XAPI-00010)', statement({ color: 'red' }), 'color'],
    ['a key in the wrong case (XAPI-00008)', statement({ Actor: { mbox: 'mailto:a@b.c' } }), 'Actor'],
    ['an enumerated value in the wrong case (XAPI-00009)', statement({ object: { objectType: 'activity', id: 'http://example.com/a' } }), 'object.objectType'],
    ['a bad language tag (XAPI-00013)', statement({ verb: { id: 'http://example.com/v', display: { 'not a tag': 'x' } } }), 'verb.display.not a tag'],
    ['a scaled score above 1 (XAPI-00083)', statement({ result: { score: { scaled: 1.5 } } }), 'result.score.scaled'],
    ['a malformed duration (XAPI-00077)', statement({ result: { duration: '2 minutes' } }), 'result.duration'],
    ['a voiding Statement without StatementRef (XAPI-00017)', statement({ verb: { id: 'http://adlnet.gov/expapi/verbs/voided' } }), 'object'],
    ['a nested SubStatement (XAPI-00066)', statement({ object: { objectType: 'SubStatement', actor: { mbox: 'mailto:a@b.c' }, verb: { id: 'http://e.com/v' }, object: { objectType: 'SubStatement', actor: { mbox: 'mailto:a@b.c' }, verb: { id: 'http://e.com/v' }, object: { id: 'http://e.com/a' } } } }), 'object.object.objectType'],
    ['a Statement version 2.0 (XAPI-00101)', statement({ version: '2.0.0' }), 'version'],
    ['an authority Group of three (XAPI-00100)', statement({ authority: { objectType: 'Group', member: [{ mbox: 'mailto:a@b.c' }, { mbox: 'mailto:b@b.c' }, { mbox: 'mailto:c@b.c' }] } }), 'authority'],
    ['a string where a number belongs (XAPI-00006)', statement({ result: { score: { raw: '5' } } }), 'result.score.raw'],
  ])('rejects %s with 400', async (_name, body, path) => {
    await rejected(body, path);
  });

  it('rejects a whole batch when one Statement is invalid, and stores none of it (XAPI-00326)', async () => {
    const good = statement();
    await rejected([good, statement({ verb: { id: 'should fail' } })], '[1].verb.id');
    await api().get(`/xAPI/statements?statementId=${good.id as string}`).set(lrs(client)).expect(404);
  });

  it('rejects a batch that repeats an id', async () => {
    const id = randomUUID();
    await rejected([statement({ id }), statement({ id })], '[1].id');
  });

  it('rejects malformed JSON with the xAPI error shape, not problem+json', async () => {
    const res = await api().post('/xAPI/statements').set(lrs(client)).set('Content-Type', 'application/json').send('{"actor":');
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.headers['x-experience-api-version']).toBe('1.0.3');
    expect(res.body).toMatchObject({ status: 400, error: 'Bad Request' });
  });

  it('rejects content types other than application/json and multipart/mixed', async () => {
    for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'application/xml']) {
      await api().post('/xAPI/statements').set(lrs(client)).set('Content-Type', type).send(JSON.stringify(statement())).expect(400);
    }
  });

  it('requires a 1.0.x X-Experience-API-Version on every resource but /about (XAPI-00331)', async () => {
    const noVersion = await api().post('/xAPI/statements').set(client.basic).send(statement()).expect(400);
    expect(noVersion.body.errors).toEqual([{ path: 'X-Experience-API-Version', message: expect.any(String) }]);
    await api().get('/xAPI/statements').set(client.basic).set('X-Experience-API-Version', '0.9').expect(400);
    await api().get('/xAPI/statements').set(client.basic).set('X-Experience-API-Version', '1.1.0').expect(400);
    await api().get('/xAPI/statements').set(client.basic).set('X-Experience-API-Version', '1.0').expect(200);
    await api().get('/xAPI/statements').set(client.basic).set('X-Experience-API-Version', '1.0.2').expect(200);
    await api().get('/xAPI/about').expect(200);
  });

  it('rejects unknown and mis-cased parameters (XAPI-00324, XAPI-00325)', async () => {
    await api().get('/xAPI/statements?foo=bar').set(lrs(client)).expect(400);
    await api().get(`/xAPI/statements?StatementId=${randomUUID()}`).set(lrs(client)).expect(400);
    const s = statement();
    await api().put(`/xAPI/statements?StatementId=${s.id as string}`).set(lrs(client)).send(s).expect(400);
  });

  it('PUT needs statementId and a body id that matches it (XAPI-00144, XAPI-00145)', async () => {
    const s = statement();
    await api().put('/xAPI/statements').set(lrs(client)).send(s).expect(400);
    await api().put(`/xAPI/statements?statementId=${randomUUID()}`).set(lrs(client)).send(s).expect(400);
    await api().put('/xAPI/statements?statementId=true').set(lrs(client)).send(s).expect(400);
    await api().put(`/xAPI/statements?statementId=${s.id as string}`).set(lrs(client)).send(s).expect(204);
    const { id: _id, ...withoutId } = statement();
    const id = randomUUID();
    await api().put(`/xAPI/statements?statementId=${id}`).set(lrs(client)).send(withoutId).expect(204);
    await api().get(`/xAPI/statements?statementId=${id}`).set(lrs(client)).expect(200);
  });

  it('keeps Statements immutable: the same one again is a no-op, a different one under the id is 409 (XAPI-00142)', async () => {
    const s = statement();
    await api().post('/xAPI/statements').set(lrs(client)).send(s).expect(200);
    await api().put(`/xAPI/statements?statementId=${s.id as string}`).set(lrs(client)).send(s).expect(204);
    await api().post('/xAPI/statements').set(lrs(client)).send(s).expect(200);
    const changed = { ...s, verb: { id: 'http://adlnet.gov/expapi/verbs/passed' } };
    await api().put(`/xAPI/statements?statementId=${s.id as string}`).set(lrs(client)).send(changed).expect(409);
    const batch = await api().post('/xAPI/statements').set(lrs(client)).send([statement(), changed]).expect(409);
    expect(batch.body.status).toBe(409);
    const read = await api().get(`/xAPI/statements?statementId=${s.id as string}`).set(lrs(client)).expect(200);
    expect(read.body.verb.id).toBe('http://adlnet.gov/expapi/verbs/attempted');
  });

  it('assigns stored, authority and version, and replaces a submitted authority (Data 2.4.8, 2.4.9)', async () => {
    const s = statement({ stored: '2011-07-15T00:00:00.000Z', authority: { mbox: 'mailto:someone@example.com' } });
    await api().post('/xAPI/statements').set(lrs(client)).send(s).expect(200);
    const read = await api().get(`/xAPI/statements?statementId=${s.id as string}`).set(lrs(client)).expect(200);
    expect(read.body.stored).not.toBe('2011-07-15T00:00:00.000Z');
    expect(read.body.stored).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(read.body.authority).toEqual({ objectType: 'Agent', name: 'Partner', account: { homePage: 'https://learning-hub.dev/xapi/clients', name: client.clientId } });
    expect(read.body.version).toBe('1.0.0');
  });
});
