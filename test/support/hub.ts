import { randomBytes } from 'node:crypto';
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import request from 'supertest';
import { redisPing, startRedisServer } from '../../libs/dev-stack/src/index.js';
import { freePort } from './free-port.js';
import { isAlive, killAndWait, spawnRole, waitForHttp } from './hub-process.js';
import { readState, writeState } from './stack-state.js';

/** The running hub of this test run (see global-setup). */
export const hub = () => readState();

export const api = () => request(hub().baseUrl);

export const asAdmin = () => ({ Authorization: `Bearer ${hub().adminToken}` });

export function uniqueId(prefix = 'P'): string {
  return `${prefix}${randomBytes(6).toString('hex')}`.slice(0, 25);
}

export async function createProgram(programId = uniqueId()): Promise<string> {
  await api().post('/admin/programs').set(asAdmin()).send({ programId, name: `Test ${programId}` }).expect(201);
  return programId;
}

export async function createApiKey(programIds: string[], scopes = ['events:write', 'events:read']): Promise<{ id: string; key: string }> {
  const res = await api().post('/admin/api-keys').set(asAdmin()).send({ name: 'test', programIds, scopes }).expect(201);
  rememberSecret(res.body.key);
  return res.body as { id: string; key: string };
}

/** Notes a secret the run created, so the last suite can prove that no log line of any hub process contains it. */
export function rememberSecret(secret: string): void {
  appendFileSync(join(hub().dir, 'secrets.txt'), `${secret}\n`);
}

/** A program with a read/write key: the usual start of a test. */
export async function publisher(): Promise<{ programId: string; key: string; auth: { Authorization: string } }> {
  const programId = await createProgram();
  const { key } = await createApiKey([programId]);
  return { programId, key, auth: { Authorization: `Bearer ${key}` } };
}

let counter = 0;
export function lbEvent(programId: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  counter += 1;
  return {
    PublisherProgramId: programId,
    PublisherSystemId: 'LB',
    PublisherEventId: `AI:${counter}-${randomBytes(4).toString('hex')}`,
    EventType: 'AI_COMP_SUCCESS',
    PublisherParticipantId: 'joebob@example.com',
    PublisherEventData: { credits: 2 },
    EventStartUtc: '2024-03-01T14:30:00Z',
    EventEndUtc: '2024-03-01T14:30:00Z',
    ...overrides,
  };
}

export async function withDb<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: hub().databaseUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function countStored(programId: string): Promise<number> {
  return withDb(async (db) => Number((await db.query('SELECT count(*) AS n FROM events WHERE program_id = $1', [programId])).rows[0].n));
}

/** Polls until `check` returns a truthy value (the pipeline is asynchronous); never a fixed sleep. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    await sleep(100);
  }
  throw new Error(`Timed out waiting for ${what}${last ? `: ${(last as Error).message}` : ''}`);
}

/** Waits until the queue holds no waiting, active or delayed jobs. */
export async function waitForDrain(timeoutMs = 60_000): Promise<void> {
  const { Queue } = await import('bullmq');
  const url = new URL(hub().redisUrl);
  const queue = new Queue('ingest', { connection: { host: url.hostname, port: Number(url.port) }, prefix: hub().env.HUB_QUEUE_PREFIX });
  try {
    await eventually(async () => {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'waiting-children');
      return Object.values(counts).every((n) => n === 0);
    }, timeoutMs, 'the ingest queue to drain');
  } finally {
    await queue.close();
  }
}

/** Waits until learner records hold every stored event (they follow the event store, normally well under a second behind). */
export async function waitForRecords(timeoutMs = 60_000): Promise<void> {
  await eventually(async () => (await api().get('/admin/learner-records/status').set(asAdmin()).expect(200)).body.caughtUp === true, timeoutMs, 'learner records to catch up');
}

/** Reads the whole feed of a key by following Link rel="next" until a short page. */
export async function readFeed(auth: { Authorization: string }, path = '/api/v1/events?limit=1000'): Promise<{ events: { EventId: string }[]; next: string }> {
  const events: { EventId: string }[] = [];
  let next = path;
  for (;;) {
    const res = await api().get(next).set(auth).expect(200);
    events.push(...(res.body as { EventId: string }[]));
    next = nextPath(res.headers.link as string);
    if ((res.body as unknown[]).length < 1000) return { events, next };
  }
}

export function nextPath(link: string): string {
  const match = /^<([^>]+)>;\s*rel="next"$/.exec(link);
  if (!match) throw new Error(`No rel="next" in Link: ${link}`);
  const url = new URL(match[1]);
  return `${url.pathname}${url.search}`;
}

// --- process control, for the fault tests -------------------------------------------------------------

/** Starts another worker on this run's environment; `env` adds or overrides variables (e.g. the imc consumer's). */
export async function startWorker(name = `worker-${Date.now()}`, env: Record<string, string> = {}): Promise<number> {
  const state = hub();
  const port = env.WORKER_HEALTH_PORT ?? String(await freePort());
  const child = spawnRole('worker', name, { ...state.env, WORKER_HEALTH_PORT: port, ...env }, state.dir);
  state.pids[name] = child.pid!;
  writeState(state);
  await waitForHttp(`http://127.0.0.1:${port}/health/live`);
  return child.pid!;
}

export async function stopProcess(name: string, signal: NodeJS.Signals): Promise<void> {
  const state = hub();
  const pid = state.pids[name];
  if (pid && isAlive(pid)) await killAndWait(pid, signal);
  delete state.pids[name];
  writeState(state);
}

export async function stopRedis(): Promise<void> {
  const state = hub();
  if (!state.redis) throw new Error('This run uses an external REDIS_URL; it cannot stop Redis');
  await killAndWait(state.pids.redis, 'SIGKILL');
}

/** Starts the run's Redis again after stopRedis; a no-op while it still answers (a test's guard may ask twice). */
export async function startRedis(): Promise<void> {
  const state = hub();
  if (await redisPing(state.redis!.port)) return;
  const server = await startRedisServer({ dataDir: state.redis!.dataDir, port: state.redis!.port });
  server.process.unref();
  state.pids.redis = server.process.pid!;
  writeState(state);
}

export const canControlRedis = () => Boolean(hub().redis);
