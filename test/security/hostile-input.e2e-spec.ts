import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { createWebhook, newSecret, sign } from '../alm/alm-support.js';
import { api, hub, lbEvent, publisher, withDb } from '../support/hub.js';
import { createClient, VERSION, type TestClient } from '../xapi/xapi-support.js';

/**
 * Generated hostile input against every HTTP ingress: malformed JSON, wrong types, huge strings, arrays and nesting,
 * unicode and NUL bytes, __proto__/constructor keys, oversized bodies, missing or wrong credentials, signatures over
 * another body. The hub must never answer 5xx, never crash, keep its memory bounded, name the field it refuses,
 * and keep what an authenticated sender sent but it could not process. (The imc queue's decoders get the same
 * treatment in their unit property tests: a broker delivers bytes, not HTTP.)
 */
const RUNS = { hubApi: 3_500, alm: 3_000, xapi: 2_000, oauth: 1_000, reads: 500 };
const PROBLEM = /application\/(problem\+)?json/;

const weirdString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('', '\u0000', 'a\u0000b', '__proto__', 'constructor', '💥'.repeat(30), '\uD800', 'x'.repeat(5_000)),
  fc.string({ unit: 'grapheme', maxLength: 300 }),
);
const jsonValue = fc.oneof(fc.jsonValue({ maxDepth: 4 }), weirdString, fc.integer(), fc.double(), fc.boolean(), fc.constant(null));
const deepNesting = fc.integer({ min: 50, max: 2_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth));
const pollution = fc.constantFrom(
  '{"__proto__":{"polluted":true}}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  '[{"PublisherProgramId":"X","__proto__":{"admin":true}}]',
  '{"accountId":1,"events":[{"eventId":"1","eventName":"X","__proto__":{"a":1}}]}',
);
const garbageBytes = fc.uint8Array({ maxLength: 512 }).map((bytes) => Buffer.from(bytes).toString('latin1'));

/** An LB event with any one field replaced by something hostile, or a key added. */
const hostileLbEvent = (programId: string) =>
  fc.tuple(fc.constantFrom(...Object.keys(lbEvent(programId)), 'Extra', '__proto__'), jsonValue).map(([field, value]) => ({ ...lbEvent(programId), [field]: value }));

function rss(pid: number): number {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
}

async function post(path: string, body: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; text: string }> {
  const res = await fetch(`${hub().baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text() };
}

let cases = 0;
function expectNo5xx(res: { status: number; text: string }, what: string): void {
  cases += 1;
  if (res.status >= 500) throw new Error(`${what} answered ${res.status}: ${res.text.slice(0, 300)}`);
}

describe('hostile input', () => {
  const rssBefore = () => rss(hub().pids.api);
  let startRss: number;

  beforeAll(() => {
    startRss = rssBefore();
  });

  afterAll(async () => {
    await api().get('/health/live').expect(200); // still up
    expect(rssBefore() - startRss).toBeLessThan(250); // MB: bounded, whatever was thrown at it
    expect(cases).toBeGreaterThanOrEqual(10_000);
  });

  it('POST /api/v1/events: never a 5xx; every refusal is problem+json naming its fields', async () => {
    const p = await publisher();
    const body = fc.oneof(
      hostileLbEvent(p.programId).map((e) => JSON.stringify(e)),
      fc.array(hostileLbEvent(p.programId), { maxLength: 5 }).map((a) => JSON.stringify(a)),
      jsonValue.map((v) => JSON.stringify(v)),
      deepNesting,
      pollution,
      garbageBytes,
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const res = await post('/api/v1/events', text, p.auth);
        expectNo5xx(res, 'POST /api/v1/events');
        if (res.status === 400) {
          expect(res.type).toMatch(/application\/problem\+json/);
          const problem = JSON.parse(res.text) as { errors?: { field: string }[]; detail: string };
          expect(problem.detail.length).toBeGreaterThan(0);
          if (problem.errors) expect(problem.errors.every((e) => e.field.length > 0)).toBe(true);
        } else {
          expect([202, 403, 413, 415]).toContain(res.status);
        }
      }),
      { numRuns: RUNS.hubApi },
    );
  });

  it('POST /webhooks/alm/:id: never a 5xx; authenticated bodies it cannot read are kept as dead letters; bad signatures 401', async () => {
    const open = await createWebhook({ type: 'none' });
    const secret = newSecret();
    const signed = await createWebhook({ type: 'signature', secret });
    const unreadable = new Set<string>();
    const body = fc.oneof(
      fc.record({ accountId: jsonValue, events: fc.array(fc.dictionary(fc.constantFrom('eventId', 'eventName', 'timestamp', 'data', 'eventInfo', '__proto__'), jsonValue), { maxLength: 4 }) }).map((d) => JSON.stringify(d)),
      jsonValue.map((v) => JSON.stringify(v)),
      deepNesting,
      pollution,
      garbageBytes,
    );
    await fc.assert(
      fc.asyncProperty(body, fc.boolean(), async (text, toSigned) => {
        if (toSigned) {
          // signed over another body: must be refused before anything is read or kept
          const res = await post(signed.path, text, { 'x-alm-signature': sign(`${text} `, { secret }) });
          expectNo5xx(res, 'signed ALM delivery');
          expect(res.status).toBe(401);
          return;
        }
        const res = await post(open.path, text);
        expectNo5xx(res, 'ALM delivery');
        expect([202, 400, 413]).toContain(res.status);
        if (res.status === 400) {
          expect(res.type).toMatch(PROBLEM);
          if (text.length > 0) unreadable.add(text); // an empty body carries nothing to keep
        }
      }),
      { numRuns: RUNS.alm },
    );
    // Nothing an authenticated sender sent is lost: every body it could not read is in the dead letters.
    // (Unreadable events inside readable deliveries are dead-lettered too, by the worker: kept holds at least these.)
    const kept = await withDb(async (db) => (await db.query(`SELECT payload FROM dead_letters WHERE program_id = $1`, [open.programId])).rows.map((r: { payload: Buffer }) => r.payload.toString('base64')));
    const missing = [...unreadable].filter((text) => !kept.includes(Buffer.from(text, 'utf8').toString('base64')));
    expect(unreadable.size).toBeGreaterThan(0);
    expect(missing).toEqual([]);
  });

  it('POST /xAPI/statements: never a 5xx; invalid statements are 400', async () => {
    const client: TestClient = await createClient();
    const statement = fc.oneof(
      fc.record({ actor: jsonValue, verb: jsonValue, object: jsonValue }, { requiredKeys: [] }),
      fc.record({
        actor: fc.constant({ mbox: 'mailto:a@example.com' }),
        verb: fc.constant({ id: 'http://adlnet.gov/expapi/verbs/completed' }),
        object: fc.record({ id: fc.oneof(weirdString, fc.webUrl()) }),
        timestamp: fc.oneof(weirdString, fc.date({ noInvalidDate: true }).map((d) => d.toISOString())),
      }),
    );
    const body = fc.oneof(statement.map((s) => JSON.stringify(s)), fc.array(statement, { maxLength: 3 }).map((a) => JSON.stringify(a)), deepNesting, pollution, garbageBytes);
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const res = await post('/xAPI/statements', text, { ...client.basic, ...VERSION });
        expectNo5xx(res, 'POST /xAPI/statements');
        expect([200, 204, 400, 409, 413]).toContain(res.status);
      }),
      { numRuns: RUNS.xapi },
    );
  });

  it('POST /igs/oauth/accesstoken: never a 5xx; wrong or reused credentials are refused', async () => {
    const client = await createClient();
    const form = fc.dictionary(fc.constantFrom('grant_type', 'client_id', 'client_secret', 'scope', '__proto__'), weirdString).map((d) => new URLSearchParams(d as Record<string, string>).toString());
    await fc.assert(
      fc.asyncProperty(fc.oneof(form, jsonValue.map((v) => JSON.stringify(v)), garbageBytes), fc.boolean(), async (text, asForm) => {
        const res = await post('/igs/oauth/accesstoken', text, { 'content-type': asForm ? 'application/x-www-form-urlencoded' : 'application/json' });
        expectNo5xx(res, 'POST /igs/oauth/accesstoken');
        expect([400, 401, 415, 429]).toContain(res.status);
      }),
      { numRuns: RUNS.oauth },
    );
    // A token that was never issued, or one of a client since revoked, opens nothing.
    const res = await post('/xAPI/statements', '{}', { Authorization: `Bearer ${client.clientSecret}`, ...VERSION });
    expect(res.status).toBe(401);
  });

  it('GET /api/v1/events with hostile query strings: never a 5xx', async () => {
    const p = await publisher();
    const query = fc.dictionary(fc.constantFrom('PublisherProgramId', 'EventType', 'from', 'to', 'limit', 'after', 'PublisherParticipantId', '__proto__'), weirdString);
    await fc.assert(
      fc.asyncProperty(query, async (q) => {
        const res = await fetch(`${hub().baseUrl}/api/v1/events?${new URLSearchParams(q as Record<string, string>)}`, { headers: p.auth });
        expectNo5xx({ status: res.status, text: await res.text() }, 'GET /api/v1/events');
        expect([200, 400, 403]).toContain(res.status);
      }),
      { numRuns: RUNS.reads },
    );
  });
});
