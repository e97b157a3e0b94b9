import { randomUUID } from 'node:crypto';
import { api, asAdmin, createProgram, rememberSecret } from '../support/hub.js';

export const VERSION = { 'X-Experience-API-Version': '1.0.3' };

export interface TestClient {
  programId: string;
  clientId: string;
  clientSecret: string;
  /** Authorization: Basic client_id:client_secret */
  basic: { Authorization: string };
}

export async function createClient(options: { programId?: string; igsClientId?: string } = {}): Promise<TestClient> {
  const programId = options.programId ?? (await createProgram());
  const res = await api()
    .post('/admin/xapi/clients')
    .set(asAdmin())
    .send({ name: 'Partner', programId, ...(options.igsClientId ? { igsClientId: options.igsClientId } : {}) })
    .expect(201);
  const { clientId, clientSecret } = res.body as { clientId: string; clientSecret: string };
  rememberSecret(clientSecret);
  return { programId, clientId, clientSecret, basic: basicAuth(clientId, clientSecret) };
}

export function basicAuth(user: string, password: string): { Authorization: string } {
  return { Authorization: `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}` };
}

export async function tokenFor(client: TestClient): Promise<{ Authorization: string }> {
  const res = await api()
    .post('/igs/oauth/accesstoken')
    .type('form')
    .send({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret })
    .expect(200);
  const token = (res.body as { access_token: string }).access_token;
  rememberSecret(token);
  return { Authorization: `Bearer ${token}` };
}

/** Headers of an xAPI request with HTTP Basic. */
export const lrs = (client: TestClient) => ({ ...client.basic, ...VERSION });

let counter = 0;

/** A valid Statement with a fresh id; `overrides` replace top-level properties. */
export function statement(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    id: randomUUID(),
    actor: { objectType: 'Agent', name: 'Ada Learner', mbox: 'mailto:ada@example.com' },
    verb: { id: 'http://adlnet.gov/expapi/verbs/attempted', display: { 'en-US': 'attempted' } },
    object: { objectType: 'Activity', id: `http://example.com/activities/${counter}`, definition: { name: { 'en-US': 'Activity' } } },
    timestamp: '2024-03-01T14:30:00.000Z',
    ...overrides,
  };
}

export async function postStatements(client: TestClient, body: unknown, status = 200): Promise<string[]> {
  const res = await api().post('/xAPI/statements').set(lrs(client)).send(body as object).expect(status);
  return res.body as string[];
}

export interface StoredEventRow {
  event_id: string;
  event_type: string;
  publisher_event_id: string;
  participant_id: string;
  start_utc: Date;
  data: unknown;
}

/** The canonical XAPI events of a program, once the pipeline has written them. */
export async function xapiEvents(programId: string): Promise<StoredEventRow[]> {
  const { withDb } = await import('../support/hub.js');
  return withDb(async (db) =>
    (
      await db.query(
        `SELECT event_id, event_type, publisher_event_id, participant_id, start_utc, data FROM events WHERE program_id = $1 AND system_id = 'XAPI' ORDER BY seq`,
        [programId],
      )
    ).rows as StoredEventRow[],
  );
}
