import { fork, spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { Queue } from 'bullmq';
import pg from 'pg';
import { runMigrations } from '../apps/hub/src/data-source.js';
import { startEmbeddedPostgres, startRedisServer, stopChild } from '@hub/dev-stack';
import { signAlmBody } from '@hub/sources/alm';

/**
 * ALM webhook benchmark (issue 4's bars), on a stack of its own: embedded PostgreSQL, redis-server, the built API
 * and worker as processes, and a bare Fastify + Redis baseline process.
 *   1. signed one-event deliveries: accept throughput and p99 of POST /webhooks/alm/:id beside the baseline doing
 *      the same Redis write (bars: ≥ 0.5× the throughput, ≤ 2× the p99);
 *   2. 100-event deliveries: events/s stored by the worker beside a plain batched INSERT of as many rows.
 * Usage: `npx nest build && node dist/bench/alm-webhooks.bench.js [seconds=10] [connections=32]`.
 */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 32);
const children: ChildProcess[] = [];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitFor(url: string): Promise<void> {
  for (let i = 0; i < 600; i += 1) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await sleep(100);
  }
  throw new Error(`${url} did not come up`);
}

/** A built hub role as a process; BENCH_API_PROF=<dir> writes a CPU profile of the API there. */
function role(name: 'api' | 'worker', env: Record<string, string>, nodeArgs: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [...nodeArgs, join(ROOT, `dist/apps/${name}/src/main.js`)], { env: { ...process.env, ...env }, stdio: 'ignore' });
  children.push(child);
  return child;
}

async function load(url: string, body: string, headers: Record<string, string>): Promise<{ rps: number; p50: number; p99: number; non2xx: number }> {
  const result = await autocannon({ url, method: 'POST', body, headers: { 'content-type': 'application/json', ...headers }, connections, duration: seconds });
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx };
}

function event(i: number): Record<string, unknown> {
  return {
    eventId: `bench-${i}-${randomBytes(8).toString('hex')}`,
    eventName: 'COURSE_ENROLLMENT',
    timestamp: '2024-11-08T03:49:52.000Z',
    eventInfo: '123424713000-040366-10488-0',
    data: { userId: 10_000 + (i % 5000), loId: 'course:12345678', loInstanceId: 'course:12345678_14450088', loType: 'course', enrollmentSource: 'SELF_ENROLL', dateEnrolled: '2024-11-08T03:49:52.000Z' },
  };
}

async function waitForDrain(queue: Queue): Promise<void> {
  for (;;) {
    const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
    if (Object.values(counts).every((n) => n === 0)) return;
    await sleep(200);
  }
}

const dir = mkdtempSync(join(tmpdir(), 'hub-bench-alm-'));
chmodSync(dir, 0o755);
const postgres = await startEmbeddedPostgres({ dataDir: join(dir, 'postgres'), port: await freePort(), database: 'bench' });
const redis = await startRedisServer({ dataDir: join(dir, 'redis'), port: await freePort() });
try {
  await runMigrations(postgres.url);
  const apiPort = await freePort();
  const admin = randomBytes(24).toString('base64url');
  const env = {
    DATABASE_URL: postgres.url,
    REDIS_URL: redis.url,
    HUB_ADMIN_TOKEN: admin,
    HUB_SECRET_KEY: randomBytes(32).toString('base64'),
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    HUB_QUEUE_PREFIX: '{bench}',
  };
  role('api', env, process.env.BENCH_API_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_API_PROF}`] : []);
  const base = `http://127.0.0.1:${apiPort}`;
  await waitFor(`${base}/health/ready`);
  const asAdmin = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
  await fetch(`${base}/admin/programs`, { method: 'POST', headers: asAdmin, body: JSON.stringify({ programId: 'BENCH', name: 'bench' }) });
  const secret = randomBytes(24).toString('base64url');
  const hook = (await (await fetch(`${base}/admin/alm/webhooks`, { method: 'POST', headers: asAdmin, body: JSON.stringify({ name: 'bench', programId: 'BENCH', auth: { type: 'signature', secret } }) })).json()) as { path: string };

  const baselineChild = fork(join(ROOT, 'dist/bench/bare-accept-server.js'), [], { env: { ...process.env, REDIS_URL: redis.url, PORT: '0' }, stdio: ['ignore', 'ignore', 'ignore', 'ipc'] });
  children.push(baselineChild);
  const baselinePort = await new Promise<number>((resolve) => baselineChild.once('message', (m: { port: number }) => resolve(m.port)));

  // 1. one signed event per delivery (the same body each time: accept cost does not depend on novelty)
  const one = JSON.stringify({ accountId: 1234, events: [event(0)] });
  const signature = { 'x-alm-signature': signAlmBody(one, { mode: 'hmac', secret }) };
  await load(`${base}${hook.path}`, one, signature); // warm-up, discarded
  const hub = await load(`${base}${hook.path}`, one, signature);
  const bare = await load(`http://127.0.0.1:${baselinePort}/accept`, one, {});
  console.log('\nALM signed one-event deliveries (accept)');
  console.log(`  hub      ${hub.rps.toFixed(0).padStart(7)} req/s  p50 ${hub.p50} ms  p99 ${hub.p99} ms  non-2xx ${hub.non2xx}`);
  console.log(`  baseline ${bare.rps.toFixed(0).padStart(7)} req/s  p50 ${bare.p50} ms  p99 ${bare.p99} ms  (bare Fastify + the same Redis write)`);
  console.log(`  ratio    throughput ${(hub.rps / bare.rps).toFixed(2)}× (bar ≥ 0.5)   p99 ${(hub.p99 / Math.max(bare.p99, 1)).toFixed(2)}× (bar ≤ 2)`);

  // 2. 100-event deliveries, stored events/s. The worker starts only now: on a small machine it would otherwise
  // compete with the API for the CPU during the accept measurement (in production the roles run apart).
  const workerPort = await freePort();
  role('worker', { ...env, WORKER_HEALTH_PORT: String(workerPort) });
  await waitFor(`http://127.0.0.1:${workerPort}/health/ready`);
  // the accept phase left thousands of jobs holding the same event: let the worker take them first
  const ingest = new Queue('ingest', { connection: { host: '127.0.0.1', port: redis.port }, prefix: '{bench}' });
  await waitForDrain(ingest);
  const db = new pg.Client({ connectionString: postgres.url });
  await db.connect();
  const deliveries = Number(process.env.BENCH_ALM_DELIVERIES ?? 200);
  const bodies = Array.from({ length: deliveries }, (_, d) => JSON.stringify({ accountId: 1234, events: Array.from({ length: 100 }, (_, i) => event(d * 100 + i)) }));
  const before = Number((await db.query(`SELECT count(*) AS n FROM events WHERE program_id = 'BENCH'`)).rows[0].n);
  const started = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 16 }, async () => {
      while (next < bodies.length) {
        const body = bodies[next++];
        const res = await fetch(`${base}${hook.path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-alm-signature': signAlmBody(body, { mode: 'hmac', secret }) }, body });
        if (res.status !== 202) throw new Error(`delivery answered ${res.status}`);
      }
    }),
  );
  const expected = before + deliveries * 100;
  while (Number((await db.query(`SELECT count(*) AS n FROM events WHERE program_id = 'BENCH'`)).rows[0].n) < expected) await sleep(20);
  const storedPerSecond = (deliveries * 100) / ((Date.now() - started) / 1000);

  await db.query('CREATE TABLE bench_events (LIKE events INCLUDING ALL)');
  const rows = bodies.flatMap((b) => (JSON.parse(b) as { events: Record<string, unknown>[] }).events);
  const insertStarted = Date.now();
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    const values: unknown[] = [];
    const tuples = chunk.map((e, j) => {
      values.push(`BENCH-${e.eventId}`, 'BENCH', 'ALM', e.eventName, e.eventId, String((e.data as { userId: number }).userId), JSON.stringify(e), e.timestamp);
      const p = j * 8;
      return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}, $${p + 8}, $${p + 8}, pg_current_xact_id()::text::bigint)`;
    });
    await db.query(
      `INSERT INTO bench_events (event_id, program_id, system_id, event_type, publisher_event_id, participant_id, data, start_utc, end_utc, tx_id)
       VALUES ${tuples.join(', ')} ON CONFLICT DO NOTHING`,
      values,
    );
  }
  const insertPerSecond = rows.length / ((Date.now() - insertStarted) / 1000);
  await db.end();
  await ingest.close();
  console.log(`\nALM 100-event deliveries (${deliveries} deliveries, ${deliveries * 100} events)`);
  console.log(`  hub stored     ${storedPerSecond.toFixed(0).padStart(7)} events/s (accept → worker → store, end to end)`);
  console.log(`  plain INSERT   ${insertPerSecond.toFixed(0).padStart(7)} rows/s (batched 1000 per statement, one Node process)`);
  console.log(`  ratio          ${(storedPerSecond / insertPerSecond).toFixed(2)}×`);
} finally {
  await Promise.all(children.map((c) => stopChild(c, 10_000)));
  await redis.stop();
  await postgres.stop();
  rmSync(dir, { recursive: true, force: true });
}
