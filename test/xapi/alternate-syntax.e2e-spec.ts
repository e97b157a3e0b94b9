import { randomUUID } from 'node:crypto';
import { api } from '../support/hub.js';
import { createClient, lrs, statement, type TestClient } from './xapi-support.js';

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('the Alternate Request Syntax (Communication 1.3, XAPI-00336)', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await createClient();
  });

  it('runs a GET sent as POST ?method=GET with its parameters in the form (XAPI-00148)', async () => {
    const res = await api().post('/xAPI/statements?method=GET').set(lrs(client)).type('form').send(form({ limit: '1' })).expect(200);
    expect(res.body).toEqual({ statements: expect.any(Array), more: expect.any(String) });
  });

  it('runs a PUT whose Authorization, version and content all travel in the form', async () => {
    const s = statement();
    const fields = { statementId: s.id as string, content: JSON.stringify(s), 'X-Experience-API-Version': '1.0.3', Authorization: client.basic.Authorization };
    await api().post('/xAPI/statements?method=PUT').type('form').send(form(fields)).expect(204);
    await api().get(`/xAPI/statements?statementId=${s.id as string}`).set(lrs(client)).expect(200);
  });

  it('takes the form Content-Type for the content and serves document resources too', async () => {
    const agent = JSON.stringify({ mbox: 'mailto:alt@example.com' });
    const params = { activityId: 'http://example.com/a', agent, stateId: randomUUID() };
    const fields = { ...params, content: 'plain text state', 'Content-Type': 'text/plain', Authorization: client.basic.Authorization, 'X-Experience-API-Version': '1.0.3' };
    await api().post('/xAPI/activities/state?method=PUT').type('form').send(form(fields)).expect(204);
    const read = await api().post('/xAPI/activities/state?method=GET').set(lrs(client)).type('form').send(form(params)).expect(200);
    expect(read.headers['content-type']).toMatch(/^text\/plain/);
    expect(read.text).toBe('plain text state');
    await api().post('/xAPI/activities/state?method=DELETE').set(lrs(client)).type('form').send(form(params)).expect(204);
    await api().post('/xAPI/activities?method=GET').set(lrs(client)).type('form').send(form({ activityId: 'http://example.com/a' })).expect(200);
  });

  it('rejects it unless sent as POST, with only method in the query string, and with content for PUT/POST', async () => {
    const s = statement();
    await api().get('/xAPI/statements?method=POST').set(lrs(client)).expect(400);
    await api().post(`/xAPI/statements?method=PUT&statementId=${s.id as string}`).set(lrs(client)).type('form').send(form({ content: JSON.stringify(s) })).expect(400);
    await api().post('/xAPI/statements?method=PUT').set(lrs(client)).expect(400);
    await api().post('/xAPI/statements?method=PUT').set(lrs(client)).type('form').send(JSON.stringify({ statementId: s.id, content: JSON.stringify(s) })).expect(400);
    await api().post('/xAPI/statements?method=PATCH').set(lrs(client)).type('form').send(form({ content: '{}' })).expect(400);
  });

  it('treats a form X-Experience-API-Version as the request\'s version even when a real header says otherwise (Communication 1.3.s3.b7)', async () => {
    const s = statement();
    const fields = { statementId: s.id as string, content: JSON.stringify(s), 'X-Experience-API-Version': '0.8' };
    await api().post('/xAPI/statements?method=PUT').set(lrs(client)).type('form').send(form(fields)).expect(400);
    await api().get(`/xAPI/statements?statementId=${s.id as string}`).set(lrs(client)).expect(404);
  });

  it('still answers 405 for a method the resource does not have', async () => {
    await api().post('/xAPI/statements?method=DELETE').set(lrs(client)).type('form').send(form({ statementId: randomUUID() })).expect(405);
  });
});
