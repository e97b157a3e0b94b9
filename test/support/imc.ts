import { createHash, randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
import { connectImcPublisher, startRabbitMq, type ImcPublisher, type RunningRabbitMq } from '../../libs/dev-stack/src/index.js';
import { imcRabbitMqDefinitions } from '../../libs/sources/imc/src/index.js';
import { freePort } from './free-port.js';
import { api, asAdmin, hub, startWorker, withDb } from './hub.js';

/** One isolated imc "tenant" on the test broker: its own RabbitMQ virtual host, subscription queues and program. */
export interface ImcTenant {
  vhost: string;
  subscription: string;
  programId: string;
  /** False: the virtual host exists but its subscription queues are not declared at boot (see declareImcQueues). */
  declared: boolean;
}

export function imcTenant(name: string, options: { declared?: boolean } = {}): ImcTenant {
  const suffix = randomBytes(3).toString('hex');
  return { vhost: `${name}-${suffix}`, subscription: `hub-${name}`, programId: `IMC${suffix}`.toUpperCase(), declared: options.declared ?? true };
}

/**
 * Starts RabbitMQ for a test file with the durable subscription queues of every tenant declared at boot (each tenant in
 * its own virtual host, so tests never see each other's messages). About 7 s.
 */
export async function startImcBroker(tenants: readonly ImcTenant[]): Promise<RunningRabbitMq> {
  const [amqpPort, distPort, epmdPort] = [await freePort(), await freePort(), await freePort()];
  const users = [{ name: 'guest', password_hash: rabbitPasswordHash('guest'), hashing_algorithm: 'rabbit_password_hashing_sha256', tags: ['administrator'] }];
  const definitions = {
    users,
    vhosts: tenants.map((t) => ({ name: t.vhost })),
    permissions: tenants.map((t) => ({ user: 'guest', vhost: t.vhost, configure: '.*', write: '.*', read: '.*' })),
    queues: tenants.filter((t) => t.declared).flatMap((t) => imcRabbitMqDefinitions({ subscription: t.subscription, vhost: t.vhost }).queues),
    bindings: tenants.filter((t) => t.declared).flatMap((t) => imcRabbitMqDefinitions({ subscription: t.subscription, vhost: t.vhost }).bindings),
  };
  return startRabbitMq({
    dir: join(hub().dir, `rabbitmq-${amqpPort}`),
    amqpPort,
    distPort,
    epmdPort,
    definitions,
  });
}

/** Declares a tenant's subscription queues on the running broker, as an operator would (rabbitmqctl import_definitions). */
export async function declareImcQueues(broker: RunningRabbitMq, tenant: ImcTenant): Promise<void> {
  const file = join(hub().dir, `definitions-${tenant.vhost}.json`);
  writeFileSync(file, JSON.stringify(imcRabbitMqDefinitions({ subscription: tenant.subscription, vhost: tenant.vhost })));
  const result = await broker.ctl('import_definitions', file);
  if (result.code !== 0) throw new Error(`import_definitions failed: ${result.stdout} ${result.stderr}`);
}

/** RabbitMQ's rabbit_password_hashing_sha256: base64(salt ‖ sha256(salt ‖ password)) with a 4-byte salt. */
function rabbitPasswordHash(password: string): string {
  const salt = randomBytes(4);
  return Buffer.concat([salt, createHash('sha256').update(salt).update(password, 'utf8').digest()]).toString('base64');
}

export function tenantUrl(broker: RunningRabbitMq, tenant: ImcTenant): string {
  return `${broker.url}/${encodeURIComponent(tenant.vhost)}`;
}

export interface ImcWorker {
  name: string;
  pid: number;
  healthUrl: string;
}

/** A worker process with the imc consumer on for this tenant. */
export async function startImcWorker(broker: RunningRabbitMq, tenant: ImcTenant, extra: Record<string, string> = {}): Promise<ImcWorker> {
  const name = `imc-worker-${tenant.vhost}-${Date.now()}`;
  const port = String(await freePort());
  const pid = await startWorker(name, {
    WORKER_HEALTH_PORT: port,
    IMC_AMQP_URL: tenantUrl(broker, tenant),
    IMC_BROKER: 'rabbitmq',
    IMC_SUBSCRIPTION: tenant.subscription,
    IMC_PROGRAM_ID: tenant.programId,
    IMC_RECONNECT_MIN_MS: '200',
    IMC_RECONNECT_MAX_MS: '2000',
    ...extra,
  });
  return { name, pid, healthUrl: `http://127.0.0.1:${port}` };
}

export function imcPublisher(broker: RunningRabbitMq, tenant: ImcTenant): Promise<ImcPublisher> {
  return connectImcPublisher({ url: tenantUrl(broker, tenant), broker: 'rabbitmq' });
}

/** The imc readiness entry of a worker. */
export async function imcReadiness(worker: ImcWorker): Promise<{ httpStatus: number; imc?: { state: string; degraded: boolean; links: Record<string, boolean> } }> {
  // supertest rather than fetch: no keep-alive socket outlives the test file.
  const res = await request(worker.healthUrl).get('/health/ready');
  const body = res.body as { info?: { imc?: { state: string; degraded: boolean; links: Record<string, boolean> } } };
  return { httpStatus: res.status, imc: body.info?.imc };
}

export async function workerMetrics(worker: ImcWorker): Promise<string> {
  return (await request(worker.healthUrl).get('/metrics').expect(200)).text;
}

/** Rows the store holds for a program: the zero-loss / zero-duplicate counts. */
export async function countImcEvents(programId: string): Promise<{ rows: number; distinctMarkers: number }> {
  return withDb(async (db) => {
    const { rows } = await db.query(
      `SELECT count(*)::int AS rows, count(DISTINCT data->>'summary')::int AS markers FROM events WHERE program_id = $1 AND system_id = 'IMC'`,
      [programId],
    );
    return { rows: rows[0].rows as number, distinctMarkers: rows[0].markers as number };
  });
}

/** Messages ready and unacknowledged in one of a tenant's queues. */
export async function queueDepth(broker: RunningRabbitMq, tenant: ImcTenant, topic: string): Promise<{ ready: number; unacked: number }> {
  const result = await broker.ctl('list_queues', '-p', tenant.vhost, '-q', 'name', 'messages_ready', 'messages_unacknowledged');
  const line = result.stdout
    .split('\n')
    .map((l) => l.trim().split(/\s+/))
    .find(([name]) => name === `${tenant.subscription}.${topic}`);
  if (!line) throw new Error(`queue ${tenant.subscription}.${topic} not found in ${tenant.vhost}: ${result.stdout} ${result.stderr}`);
  return { ready: Number(line[1]), unacked: Number(line[2]) };
}

/** N distinct login messages; `summary` carries a marker so rows can be matched to messages. */
export function loginMessages(count: number, marker: string, start = 0): { topic: string; body: object }[] {
  return Array.from({ length: count }, (_, i) => ({
    topic: 'de.imc.ils_login',
    body: {
      login: `user${start + i}`,
      identifier: start + i,
      result: i % 3 === 0 ? 'failed' : 'success',
      failedCount: i % 3,
      timestamp: 1_700_000_000_000 + start + i,
      summary: `${marker}-${start + i}`,
    },
  }));
}

export async function programExists(programId: string): Promise<boolean> {
  const res = await api().get('/admin/programs').set(asAdmin()).expect(200);
  return (res.body as { programId: string }[]).some((p) => p.programId === programId);
}
