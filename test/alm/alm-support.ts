import { randomBytes } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { signAlmBody, type AlmSignatureConfig } from '../../libs/sources/alm/src/security/alm-signature.js';
import { api, asAdmin, createApiKey, createProgram, eventually, hub, rememberSecret, withDb } from '../support/hub.js';

export { readFixture, SEED_SAMPLES, fixtureNames } from '../../libs/sources/alm/src/fixtures/seed-samples.js';

export type WebhookAuth =
  | { type: 'none' }
  | { type: 'basic'; username: string; password: string }
  | { type: 'signature'; secret: string; mode?: 'hmac' | 'token'; header?: string; algorithm?: 'sha256' | 'sha1' | 'sha512'; encoding?: 'hex' | 'base64' };

export interface TestWebhook {
  id: string;
  path: string;
  programId: string;
}

export const PROBLEM = /application\/problem\+json/;

export const newSecret = (): string => `whsec_${randomBytes(18).toString('base64url')}`;

/** Every webhook's password or secret (and the key that encrypts them) must stay out of the run's logs (test/zz-audit). */
export async function createWebhook(auth: WebhookAuth, programId?: string): Promise<TestWebhook> {
  if (auth.type === 'basic') rememberSecret(auth.password);
  if (auth.type === 'signature') rememberSecret(auth.secret);
  if (hub().env.HUB_SECRET_KEY) rememberSecret(hub().env.HUB_SECRET_KEY);
  const program = programId ?? (await createProgram());
  const res = await api().post('/admin/alm/webhooks').set(asAdmin()).send({ name: 'test webhook', programId: program, auth }).expect(201);
  return { id: res.body.id, path: res.body.path, programId: program };
}

export interface DeliveryResponse {
  status: number;
  headers: Record<string, string>;
  body: any;
  text: string;
}

/** Posts the exact bytes given, as ALM does (fetch: supertest would re-serialize a Buffer); `headers` adds or overrides. */
export async function deliver(webhook: Pick<TestWebhook, 'path'>, body: Buffer | string, headers: Record<string, string> = {}): Promise<DeliveryResponse> {
  const res = await fetch(`${hub().baseUrl}${webhook.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8'),
  });
  const text = await res.text();
  let parsed: unknown = undefined;
  try {
    parsed = JSON.parse(text);
  } catch {
    // not JSON
  }
  return { status: res.status, headers: Object.fromEntries(res.headers.entries()), body: parsed, text };
}

export const BODY_LIMIT = 5 * 1024 * 1024;

/**
 * A delivery over the body limit. `announced`: Content-Length says limit + 1, and only the headers are sent; the
 * hub answers 413 before reading anything, so the answer always arrives. Otherwise the body is chunked and the hub
 * refuses it once more than the limit has arrived, closing the connection with part of the body unread: the client
 * then sees the 413 or, depending on timing, a reset (`'reset'`) — either way the delivery was refused.
 */
export function deliverTooLarge(webhook: Pick<TestWebhook, 'path'>, announced: true, headers?: Record<string, string>): Promise<DeliveryResponse>;
export function deliverTooLarge(webhook: Pick<TestWebhook, 'path'>, announced: false, headers?: Record<string, string>): Promise<DeliveryResponse | 'reset'>;
export function deliverTooLarge(webhook: Pick<TestWebhook, 'path'>, announced: boolean, headers: Record<string, string> = {}): Promise<DeliveryResponse | 'reset'> {
  const url = new URL(`${hub().baseUrl}${webhook.path}`);
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers: { 'content-type': 'application/json', ...(announced ? { 'content-length': String(BODY_LIMIT + 1) } : {}), ...headers } },
      (res) => {
        answered = true;
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          req.destroy();
          resolve({ status: res.statusCode ?? 0, headers: res.headers as Record<string, string>, body: text ? JSON.parse(text) : undefined, text });
        });
      },
    );
    req.on('error', (err: NodeJS.ErrnoException) => {
      if (answered) return;
      if (!announced && (err.code === 'ECONNRESET' || err.code === 'EPIPE')) resolve('reset');
      else reject(err);
    });
    if (announced) {
      req.flushHeaders();
      return;
    }
    const chunk = Buffer.alloc(64 * 1024, 0x20);
    let sent = 0;
    const pump = () => {
      while (!answered && sent <= BODY_LIMIT + chunk.length) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', pump);
      }
    };
    pump();
  });
}

/** The header value a correct ALM would send under `config` (HMAC over exactly these bytes). */
export function sign(body: Buffer | string, config: Omit<AlmSignatureConfig, 'mode'> & { mode?: AlmSignatureConfig['mode'] }): string {
  const signature = signAlmBody(body, { mode: 'hmac', ...config });
  rememberSecret(signature);
  return signature;
}

/** `Authorization: Basic …`, remembered for the log audit. */
export function basicAuth(username: string, password: string): { Authorization: string } {
  const token = Buffer.from(`${username}:${password}`).toString('base64');
  rememberSecret(token);
  return { Authorization: `Basic ${token}` };
}

let sequence = 0;
/** A one-event ALM delivery with ids unique to this run. */
export function almDelivery(events: Record<string, unknown>[], accountId: number | string = 1234): string {
  return JSON.stringify({ accountId, events });
}

export function enrollment(overrides: Record<string, unknown> = {}, data: Record<string, unknown> = {}): Record<string, unknown> {
  sequence += 1;
  return {
    eventId: `e2e-${sequence}-${randomBytes(6).toString('hex')}`,
    eventName: 'COURSE_ENROLLMENT',
    timestamp: '2024-11-08T03:49:52.000Z',
    eventInfo: '123424713000-040366-10488-0',
    data: { userId: 12345678, loId: 'course:12345678', loInstanceId: 'course:12345678_14450088', loType: 'course', enrollmentSource: 'SELF_ENROLL', dateEnrolled: '2024-11-08T03:49:52.000Z', ...data },
    ...overrides,
  };
}

/** Stored ALM events of a program, straight from the table (the API is covered elsewhere). */
export async function storedAlmEvents(programId: string): Promise<{ event_id: string; event_type: string; publisher_event_id: string; participant_id: string }[]> {
  return withDb(async (db) => (await db.query(`SELECT event_id, event_type, publisher_event_id, participant_id FROM events WHERE program_id = $1 AND system_id = 'ALM' ORDER BY event_type, publisher_event_id`, [programId])).rows);
}

export async function readerKey(programIds: string[], scopes = ['events:read']): Promise<{ Authorization: string }> {
  const { key } = await createApiKey(programIds, scopes);
  return { Authorization: `Bearer ${key}` };
}

export async function deliveriesOf(webhook: Pick<TestWebhook, 'id'>, atLeast = 1): Promise<Record<string, any>[]> {
  const found = await eventually(async () => {
    const res = await api().get(`/admin/alm/webhooks/${webhook.id}/deliveries`).set(asAdmin()).expect(200);
    return res.body.length >= atLeast ? (res.body as Record<string, any>[]) : null;
  }, 30_000, `${atLeast} recorded deliveries`);
  return found!;
}

export async function openDeadLetters(programId: string): Promise<Record<string, any>[]> {
  const res = await api().get(`/admin/dead-letters?source=ALM&programId=${programId}`).set(asAdmin()).expect(200);
  return res.body as Record<string, any>[];
}
