import { request as httpRequest } from 'node:http';
import { IMC_COMPLETED_STATEMENT_JSON } from '../../libs/sources/xapi/src/fixtures/imc-completed-statement.fixture.js';
import { api, eventually, hub, rememberSecret } from '../support/hub.js';
import { createClient, xapiEvents, type TestClient } from './xapi-support.js';

/** The seed's JSON token request sends two Content-Type headers (form, then JSON); node keeps the first. */
function seedJsonTokenRequest(client: TestClient): Promise<{ status: number; body: Record<string, unknown> }> {
  const body = `{\n"grant_type": "client_credentials",\n"client_id": "${client.clientId}",\n"client_secret": "${client.clientSecret}"\n}`;
  const url = new URL('/igs/oauth/accesstoken', hub().baseUrl);
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      method: 'POST',
      headers: { Accept: 'application/json', 'Content-Type': ['application/x-www-form-urlencoded', 'application/json'], 'Content-Length': Buffer.byteLength(body) },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => {
        const parsed = JSON.parse(text) as Record<string, unknown>;
        if (typeof parsed.access_token === 'string') rememberSecret(parsed.access_token);
        resolve({ status: res.statusCode ?? 0, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the imc partner seed, end to end (seed sections 2 and 3, OCR damage repaired)', () => {
  let client: TestClient;

  beforeAll(async () => {
    client = await createClient({ igsClientId: 'igs-partner123' });
  });

  it('gets a token with the seed JSON request (form content type and JSON body) and posts the seed Statement', async () => {
    const token = await seedJsonTokenRequest(client);
    expect(token.status).toBe(200);
    expect(token.body).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 3600 });

    // Section 3.3's curl: Bearer, Connection: close, JSON, X-Experience-API-Version 1.0.0, the igs client id as parameter.
    const posted = await api()
      .post('/xAPI/statements?igsClientId=igs-partner123')
      .set('Authorization', `Bearer ${token.body.access_token as string}`)
      .set('Connection', 'close')
      .set('Content-Type', 'application/json')
      .set('X-Experience-API-Version', '1.0.0')
      .send(IMC_COMPLETED_STATEMENT_JSON)
      .expect(200);
    expect(posted.body).toEqual(['0ea6d5c8-48f5-4e8d-805a-a996f8f6867f']);
    expect(posted.headers['x-experience-api-version']).toBe('1.0.3');

    // The xAPI durable write: readable at once, as sent plus what the LRS assigns.
    const read = await api()
      .get('/xAPI/statements?statementId=0ea6d5c8-48f5-4e8d-805a-a996f8f6867f')
      .set(client.basic)
      .set('X-Experience-API-Version', '1.0.3')
      .expect(200);
    expect(read.headers['content-type']).toBe('application/json');
    expect(read.body).toMatchObject({ ...JSON.parse(IMC_COMPLETED_STATEMENT_JSON), version: '1.0.0', authority: { account: { name: client.clientId } } });
    expect(read.body.timestamp).toBe('2020-01-11T10:30:45.154z');
  });

  it('becomes one canonical completed event in the event store', async () => {
    const events = await eventually(async () => {
      const events = await xapiEvents(client.programId);
      return events.length === 1 ? events : undefined;
    }, 30_000, 'the seed Statement in the event store');
    const event = events![0];
    expect(event).toMatchObject({
      event_type: 'completed',
      publisher_event_id: '0ea6d5c8-48f5-4e8d-805a-a996f8f6867f',
      participant_id: 'max.mustermann@somedomain.com',
    });
    expect(event?.start_utc.toISOString()).toBe('2020-01-11T10:30:45.154Z');
    expect(event?.event_id).toMatch(new RegExp(`^${client.programId}-[0-9a-f-]{36}$`));
    expect(event?.data).toMatchObject({ id: '0ea6d5c8-48f5-4e8d-805a-a996f8f6867f', verb: { id: 'http://adlnet.gov/expapi/verbs/completed' } });
  });

  it('is readable through the hub event API as an XAPI event of the program', async () => {
    const { createApiKey } = await import('../support/hub.js');
    const { key } = await createApiKey([client.programId]);
    const res = await api().get(`/api/v1/events?PublisherSystemId=XAPI&PublisherProgramId=${client.programId}`).set({ Authorization: `Bearer ${key}` }).expect(200);
    expect(res.body).toEqual([
      expect.objectContaining({
        PublisherSystemId: 'XAPI',
        EventType: 'completed',
        PublisherEventId: '0ea6d5c8-48f5-4e8d-805a-a996f8f6867f',
        PublisherParticipantId: 'max.mustermann@somedomain.com',
        EventStartUtc: '2020-01-11T10:30:45.154Z',
      }),
    ]);
  });

  it('stores the same Statement once when the partner sends it again, and makes no second event', async () => {
    const token = await seedJsonTokenRequest(client);
    await api()
      .post('/xAPI/statements')
      .set('Authorization', `Bearer ${token.body.access_token as string}`)
      .set('X-IGS-Client-Id', 'igs-partner123')
      .set('X-Experience-API-Version', '1.0.0')
      .set('Content-Type', 'application/json')
      .send(IMC_COMPLETED_STATEMENT_JSON)
      .expect(200);
    const { waitForDrain } = await import('../support/hub.js');
    await waitForDrain();
    expect(await xapiEvents(client.programId)).toHaveLength(1);
  });
});
