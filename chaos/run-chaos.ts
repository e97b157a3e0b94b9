import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { startEmbeddedPostgres, startRedisServer, stopChild, type RunningPostgres, type RunningRedis } from '@hub/dev-stack';
import { runMigrations } from '../apps/hub/src/data-source.js';
import { freePort, waitForHttp } from '../bench/bench-stack.js';

/**
 * `npm run chaos`: sustained load from clients that retry every non-2xx, while the API, the worker, redis-server and
 * PostgreSQL are each SIGKILLed and restarted, in turn, ROUNDS times. At the end every acknowledged event must be
 * stored exactly once, a feed reader that ran throughout must have seen each exactly once, and the learner records,
 * once caught up, must be what a rebuild from the log gives.
 */
const ROUNDS = Number(process.env.CHAOS_ROUNDS ?? 3);
const CLIENTS = 6;
const PROGRAM = 'CHAOS';
const DIST = fileURLToPath(new URL('..', import.meta.url));
const log = (line: string) => console.log(`[chaos ${new Date().toISOString().slice(11, 19)}] ${line}`);

const dir = mkdtempSync(join(tmpdir(), 'hub-chaos-'));
chmodSync(dir, 0o755);
mkdirSync(join(dir, 'logs'));
const ports = { pg: await freePort(), redis: await freePort(), api: await freePort(), worker: await freePort() };
const base = `http://127.0.0.1:${ports.api}`;
let postgres: RunningPostgres;
let redis: RunningRedis;
const roles = new Map<'api' | 'worker', ChildProcess>();
let env: Record<string, string> = {};

const startPostgres = async () => {
  // After a SIGKILL the old server's children may still hold shared memory for a moment: retry until it starts.
  for (let attempt = 1; ; attempt++) {
    try {
      postgres = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: ports.pg, database: 'chaos' });
      return;
    } catch (err) {
      if (attempt >= 30) throw err;
      await sleep(1_000);
    }
  }
};
const startRedis = async () => {
  redis = await startRedisServer({ dataDir: join(dir, 'redis'), port: ports.redis });
};
const startRole = async (role: 'api' | 'worker') => {
  const out = openSync(join(dir, 'logs', `${role}.log`), 'a');
  const child = spawn(process.execPath, [join(DIST, `apps/${role}/src/main.js`)], { env, stdio: ['ignore', out, out] });
  roles.set(role, child);
  await waitForHttp(role === 'api' ? `${base}/health/live` : `http://127.0.0.1:${ports.worker}/health/live`);
};
const sigkill = (pid: number | undefined) => pid && process.kill(pid, 'SIGKILL');

async function post(path: string, body: unknown, token: string): Promise<Response> {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
}

/** Posts until the hub answers 2xx, as a careful publisher does; returns the acknowledged ids and the retries. */
async function postUntilAccepted(events: unknown[], key: string): Promise<{ ids: string[]; retries: number }> {
  for (let retries = 0; ; retries++) {
    try {
      const res = await post('/api/v1/events', events, key);
      if (res.ok) return { ids: ((await res.json()) as { EventId: string }[]).map((r) => r.EventId), retries };
    } catch {
      // connection refused or reset while a process is down: retry
    }
    await sleep(Math.min(50 * 2 ** Math.min(retries, 5), 1_000));
  }
}

try {
  log(`stack in ${dir}`);
  await startPostgres();
  await startRedis();
  await runMigrations(postgres!.url);
  env = {
    PATH: process.env.PATH ?? '',
    DATABASE_URL: postgres!.url,
    REDIS_URL: redis!.url,
    HUB_ADMIN_TOKEN: 'chaos-admin-token-0123456789',
    HUB_SECRET_KEY: 'Y2hhb3Mtc2VjcmV0LWtleS0zMi1ieXRlcy1sb25nISE=',
    PORT: String(ports.api),
    WORKER_HEALTH_PORT: String(ports.worker),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    HUB_QUEUE_PREFIX: '{chaos}',
  };
  await startRole('api');
  await startRole('worker');
  await post('/admin/programs', { programId: PROGRAM, name: 'Chaos' }, env.HUB_ADMIN_TOKEN);
  const created = await post('/admin/api-keys', { name: 'chaos', programIds: [PROGRAM], scopes: ['events:write', 'events:read'] }, env.HUB_ADMIN_TOKEN);
  const { key } = (await created.json()) as { key: string };

  const acknowledged = new Set<string>();
  let retries = 0;
  let loading = true;
  const clients = Array.from({ length: CLIENTS }, async (_, c) => {
    for (let n = 0; loading; n++) {
      const events = Array.from({ length: 1 + (n % 5) }, (_, i) => ({
        PublisherProgramId: PROGRAM,
        PublisherSystemId: 'LB',
        PublisherEventId: `AI:${c}-${n}-${i}`,
        EventType: 'AI_COMP_SUCCESS',
        PublisherParticipantId: `learner${c}@example.com`,
        EventStartUtc: '2024-03-01T14:30:00Z',
      }));
      const result = await postUntilAccepted(events, key);
      result.ids.forEach((id) => acknowledged.add(id));
      retries += result.retries;
    }
  });

  const seen: string[] = [];
  let reading = true;
  const reader = (async () => {
    let next = `/api/v1/events?limit=500`;
    while (reading) {
      try {
        const res = await fetch(`${base}${next}`, { headers: { authorization: `Bearer ${key}` }, signal: AbortSignal.timeout(10_000) });
        if (res.ok) {
          const page = (await res.json()) as { EventId: string }[];
          seen.push(...page.map((e) => e.EventId));
          const link = /<([^>]+)>/.exec(res.headers.get('link') ?? '')![1];
          next = link.slice(link.indexOf('/api/'));
          if (page.length < 500) await sleep(100);
          continue;
        }
      } catch {
        // the API or a store is down: poll the same link again
      }
      await sleep(200);
    }
  })();

  const kills: Record<string, number> = { api: 0, worker: 0, redis: 0, postgres: 0 };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const target of ['api', 'worker', 'redis', 'postgres'] as const) {
      await sleep(3_000);
      log(`round ${round}: SIGKILL ${target} (acknowledged so far: ${acknowledged.size})`);
      if (target === 'api' || target === 'worker') sigkill(roles.get(target)!.pid);
      if (target === 'redis') sigkill(redis!.process.pid);
      if (target === 'postgres') sigkill(postgres!.pid);
      kills[target] += 1;
      await sleep(1_000);
      if (target === 'api' || target === 'worker') await startRole(target);
      if (target === 'redis') await startRedis();
      if (target === 'postgres') await startPostgres();
    }
  }
  await sleep(3_000);
  loading = false;
  await Promise.all(clients);
  log(`load stopped: ${acknowledged.size} events acknowledged after ${retries} retries; waiting for the pipeline to drain`);

  const db = new pg.Client({ connectionString: postgres!.url });
  await db.connect();
  const storedIds = async () => new Set((await db.query('SELECT event_id FROM events WHERE program_id = $1', [PROGRAM])).rows.map((r: { event_id: string }) => r.event_id));
  const deadline = Date.now() + 10 * 60_000;
  let stored = await storedIds();
  while ([...acknowledged].some((id) => !stored.has(id)) && Date.now() < deadline) {
    await sleep(1_000);
    stored = await storedIds();
  }
  while (seen.length < stored.size && Date.now() < deadline) await sleep(500);
  await sleep(1_000);
  reading = false;
  await reader;
  const duplicateRows = (await db.query('SELECT count(*) - count(DISTINCT event_id) AS n FROM events WHERE program_id = $1', [PROGRAM])).rows[0].n;
  const deadLetters = (await db.query(`SELECT count(*) AS n FROM dead_letters WHERE status = 'open'`)).rows[0].n;
  await db.end();

  // Learner records followed the log through every kill: once they have caught up, a rebuild from the log must find
  // nothing to change (no fact lost, none taken in twice).
  const recordsCaughtUp = async () => {
    const res = await fetch(`${base}/admin/learner-records/status`, { headers: { authorization: `Bearer ${env.HUB_ADMIN_TOKEN}` } });
    return res.ok && ((await res.json()) as { caughtUp: boolean }).caughtUp;
  };
  while (!(await recordsCaughtUp().catch(() => false)) && Date.now() < deadline) await sleep(500);
  const rebuilt = (await (await post('/admin/learner-records/rebuild', { programIds: [PROGRAM] }, env.HUB_ADMIN_TOKEN)).json()) as { records: number; changed: number; removed: number };

  const lost = [...acknowledged].filter((id) => !stored.has(id)).length;
  const unexpected = [...stored].filter((id) => !acknowledged.has(id)).length;
  const seenSet = new Set(seen);
  const tally = {
    sigkills: Object.entries(kills).map(([name, n]) => `${name} ×${n}`).join(', '),
    acknowledged: acknowledged.size,
    stored: stored.size,
    lost,
    duplicateRows: Number(duplicateRows),
    storedButNeverAcknowledged: unexpected,
    openDeadLetters: Number(deadLetters),
    clientRetries: retries,
    feedSeen: seen.length,
    feedDuplicates: seen.length - seenSet.size,
    feedMissing: [...stored].filter((id) => !seenSet.has(id)).length,
    learnerRecords: rebuilt.records,
    recordsARebuildChanged: rebuilt.changed + rebuilt.removed,
  };
  console.log('\nChaos tally');
  console.table(tally);
  const ok = lost === 0 && tally.duplicateRows === 0 && tally.feedDuplicates === 0 && tally.feedMissing === 0 && tally.recordsARebuildChanged === 0;
  console.log(ok ? 'PASS: 0 lost, 0 duplicated, the feed saw every event exactly once, learner records equal a rebuild from the log' : 'FAIL');
  process.exitCode = ok ? 0 : 1;
} finally {
  await Promise.all([...roles.values()].map((c) => stopChild(c, 10_000)));
  await redis!?.stop();
  await postgres!?.stop();
}
