import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { startEmbeddedPostgres, startRedisServer, stopChild, type RunningPostgres, type RunningRedis } from '@hub/dev-stack';
import { runMigrations } from '../../apps/hub/src/data-source.js';

const ENTRY = {
  api: fileURLToPath(new URL('../../apps/api/src/main.js', import.meta.url)),
  worker: fileURLToPath(new URL('../../apps/worker/src/main.js', import.meta.url)),
};

/** A running hub whose worker the benchmark starts and stops itself (the API runs throughout). */
export interface BenchStack {
  baseUrl: string;
  adminToken: string;
  databaseUrl: string;
  redisUrl: string;
  queuePrefix: string;
  /** Starts a worker process with extra environment; resolves once it is live, to a function that stops it. */
  startWorker(env: Record<string, string>): Promise<() => Promise<void>>;
  stop(): Promise<void>;
}

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

async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await sleep(100);
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

/**
 * Embedded PostgreSQL, redis-server and the built API in a temporary directory, or DATABASE_URL / REDIS_URL when set
 * (then the benchmark's tables are shared with whatever else uses them). Logs go to `<dir>/logs`.
 */
export async function startBenchStack(): Promise<BenchStack> {
  const dir = mkdtempSync(join(tmpdir(), 'hub-records-bench-'));
  chmodSync(dir, 0o755);
  const logs = join(dir, 'logs');
  mkdirSync(logs);
  let postgres: RunningPostgres | undefined;
  let redis: RunningRedis | undefined;
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    postgres = await startEmbeddedPostgres({ dataDir: join(dir, 'postgres'), port: await freePort(), database: 'hub_bench' });
    databaseUrl = postgres.url;
  }
  let redisUrl = process.env.REDIS_URL;
  if (!redisUrl) {
    redis = await startRedisServer({ dataDir: join(dir, 'redis'), port: await freePort() });
    redisUrl = redis.url;
  }
  await runMigrations(databaseUrl);
  const port = await freePort();
  const env = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    HUB_ADMIN_TOKEN: randomBytes(24).toString('base64url'),
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
    HUB_QUEUE_PREFIX: `{bench-${randomBytes(3).toString('hex')}}`,
  };
  const spawnRole = (role: keyof typeof ENTRY, name: string, extra: Record<string, string>): ChildProcess => {
    const log = openSync(join(logs, `${name}.log`), 'a');
    return spawn(process.execPath, [ENTRY[role]], { env: { ...env, ...extra }, stdio: ['ignore', log, log] });
  };
  const api = spawnRole('api', 'api', {});
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitForHttp(`${baseUrl}/health/ready`);
  let workers = 0;
  return {
    baseUrl,
    adminToken: env.HUB_ADMIN_TOKEN,
    databaseUrl,
    redisUrl,
    queuePrefix: env.HUB_QUEUE_PREFIX,
    async startWorker(extra) {
      const healthPort = await freePort();
      const worker = spawnRole('worker', `worker-${++workers}`, { ...extra, WORKER_HEALTH_PORT: String(healthPort) });
      await waitForHttp(`http://127.0.0.1:${healthPort}/health/live`);
      return () => stopChild(worker, 30_000);
    },
    async stop() {
      await stopChild(api, 30_000);
      await redis?.stop();
      await postgres?.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
