// Boots the stack once per run: embedded PostgreSQL and redis-server (or DATABASE_URL / REDIS_URL), migrations, and
// the built API and worker as real processes. Test files reach them over HTTP and through the state file.
// Plain ESM over the build output (`npm test` builds first): jest loads global setup outside its transforms.
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseEnv } from 'node:util';
import { startEmbeddedPostgres, startRedisServer } from '../../dist/libs/dev-stack/src/index.js';
import { runMigrations } from '../../dist/apps/hub/src/data-source.js';

const ROOT = new URL('../../', import.meta.url).pathname;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function spawnRole(role, name, env, dir) {
  const log = openSync(join(dir, 'logs', `${name}.log`), 'a');
  const child = spawn(process.execPath, [join(ROOT, `dist/apps/${role}/src/main.js`)], { env: { PATH: process.env.PATH, ...env }, stdio: ['ignore', log, log] });
  child.unref();
  return child;
}

async function waitForHttp(url, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await sleep(100);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

export default async function globalSetup() {
  const dir = mkdtempSync(join(tmpdir(), 'hub-test-'));
  chmodSync(dir, 0o755); // PostgreSQL runs as its own user and must reach its data directory inside
  mkdirSync(join(dir, 'logs'));
  process.env.HUB_TEST_STATE_FILE = join(dir, 'state.json');

  let databaseUrl = process.env.DATABASE_URL;
  let postgresPid;
  if (!databaseUrl) {
    const pg = await startEmbeddedPostgres({ dataDir: join(dir, 'postgres'), port: await freePort(), database: 'hub_test' });
    databaseUrl = pg.url;
    postgresPid = pg.pid;
  }
  let redisUrl = process.env.REDIS_URL;
  let redis;
  if (!redisUrl) {
    const port = await freePort();
    const server = await startRedisServer({ dataDir: join(dir, 'redis'), port });
    server.process.unref();
    redisUrl = server.url;
    redis = { port, dataDir: join(dir, 'redis'), pid: server.process.pid };
  }
  await runMigrations(databaseUrl);

  const apiPort = await freePort();
  // .env.example is the base: a variable the hub needs but the example lacks fails here, not in production.
  const example = Object.fromEntries(Object.entries(parseEnv(readFileSync(join(ROOT, '.env.example'), 'utf8'))).filter(([, v]) => v !== ''));
  const env = {
    ...example,
    DATABASE_URL: databaseUrl,
    REDIS_URL: redisUrl,
    HUB_ADMIN_TOKEN: randomBytes(24).toString('base64url'),
    HUB_SECRET_KEY: randomBytes(32).toString('base64'),
    PORT: String(apiPort),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    HUB_QUEUE_PREFIX: '{hub-test}',
  };
  const api = spawnRole('api', 'api', env, dir);
  const workerPort = await freePort();
  const worker = spawnRole('worker', 'worker', { ...env, WORKER_HEALTH_PORT: String(workerPort) }, dir);
  const baseUrl = `http://127.0.0.1:${apiPort}`;
  await Promise.all([waitForHttp(`${baseUrl}/health/ready`), waitForHttp(`http://127.0.0.1:${workerPort}/health/ready`)]);

  const state = {
    dir,
    databaseUrl,
    redisUrl,
    redis,
    postgresPid,
    apiPort,
    baseUrl,
    adminToken: env.HUB_ADMIN_TOKEN,
    env,
    pids: { api: api.pid, worker: worker.pid, ...(redis ? { redis: redis.pid } : {}) },
  };
  writeFileSync(process.env.HUB_TEST_STATE_FILE, JSON.stringify(state, null, 2));
}
