import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { join } from 'node:path';
import { connectImcPublisher, startRabbitMq, type RunningRabbitMq } from '@hub/dev-stack';
import { setTimeout as sleep } from 'node:timers/promises';
import { IMC_TOPIC, imcRabbitMqDefinitions, imcSubscriptionQueue } from '@hub/sources/imc';
import { freePort, type BenchStack } from './bench-stack.js';
import { timeDrain } from './drain.js';
import { consumeLikeTheBaseline } from './imc-baseline-consumer.js';
import { startRecordsAtFeedHead } from './learner-records/learner-records-bench.js';

const SUBSCRIPTION = 'bench';
/** A second subscription to the same topic, so the baseline consumer gets its own copy of every message. */
const BASELINE_SUBSCRIPTION = 'baseline';
/** Unsettled messages per link, the hub's default IMC_CREDIT; the baseline keeps its credit the same way. */
export const IMC_BENCH_CREDIT = 200;

export interface ImcBenchResult {
  /** Messages the hub's consumer accepted (handed to the pipeline and settled) per second. */
  accepted: number;
  /** Messages consumed and stored per second. */
  stored: number;
  /** Messages the bare consumer accepted per second (one BullMQ add each). */
  baseline: number;
}

/**
 * imc: `total` registration changes (each a distinct body, so none is a duplicate) published to RabbitMQ with no
 * consumer running, to two subscriptions; the bare baseline consumer drains one, then one worker with the imc consumer
 * is started on the other and timed until it has accepted, and until it has stored, them all.
 */
export async function benchImc(stack: BenchStack, programId: string, total: number): Promise<ImcBenchResult> {
  const amqpPort = await freePort();
  const broker: RunningRabbitMq = await startRabbitMq({
    dir: join(stack.dir, 'rabbitmq'),
    amqpPort,
    distPort: await freePort(),
    epmdPort: await freePort(),
    definitions: {
      // Loading definitions skips RabbitMQ's default user: declare guest (loopback only) and its rights on "/".
      users: [{ name: 'guest', password_hash: rabbitPasswordHash('guest'), hashing_algorithm: 'rabbit_password_hashing_sha256', tags: ['administrator'] }],
      vhosts: [{ name: '/' }],
      permissions: [{ user: 'guest', vhost: '/', configure: '.*', write: '.*', read: '.*' }],
      ...bothSubscriptions(),
    },
  });
  try {
    const publisher = await connectImcPublisher({ url: broker.url, broker: 'rabbitmq' });
    // The seed's registration change (section 4.2); each copy gets its own participant and time.
    const sample = {
      'external-id': null,
      'course-external-id': 'ce77b12d-4119-3390-92e6-0000000004ac',
      'course-component-id': 555791,
      'course-object-id': 555792,
      'initial-status': 'BOOKED',
      status: 'PARTICIPATED',
      'due-date': '2020-12-31',
      price: 0.0,
      currency: 'EUR',
    };
    const base = 1603698662089;
    await publisher.publishAll(
      (function* () {
        for (let i = 0; i < total; i++) yield { topic: 'de.imc.ils_registrations', body: JSON.stringify({ ...sample, identifier: 100_000 + i, timestamp: base + i }) };
      })(),
    );
    await publisher.close();
    const baseline = await consumeLikeTheBaseline(broker.url, imcSubscriptionQueue(BASELINE_SUBSCRIPTION, IMC_TOPIC.registrations), stack.redis.url, total, IMC_BENCH_CREDIT);
    const db = new pg.Client({ connectionString: stack.postgres.url });
    await db.connect();
    await startRecordsAtFeedHead(db).finally(() => db.end());
    const workerPort = await freePort();
    const worker = await stack.startProcess(
      'apps/worker/src/main.js',
      { WORKER_HEALTH_PORT: String(workerPort), IMC_AMQP_URL: broker.url, IMC_BROKER: 'rabbitmq', IMC_SUBSCRIPTION: SUBSCRIPTION, IMC_PROGRAM_ID: programId, IMC_CREDIT: String(IMC_BENCH_CREDIT) },
      `http://127.0.0.1:${workerPort}/health/live`,
    );
    try {
      const [accepted, stored] = await stack.profiled(worker, () =>
        Promise.all([timeAccepted(`http://127.0.0.1:${workerPort}/metrics`, total), timeDrain(stack.postgres.url, programId, total)]),
      );
      return { accepted, stored, baseline };
    } finally {
      await stack.stopProcess(worker);
    }
  } finally {
    await broker.stop();
  }
}

function bothSubscriptions(): ReturnType<typeof imcRabbitMqDefinitions> {
  const hub = imcRabbitMqDefinitions({ subscription: SUBSCRIPTION });
  const baseline = imcRabbitMqDefinitions({ subscription: BASELINE_SUBSCRIPTION, topics: [IMC_TOPIC.registrations] });
  return { queues: [...hub.queues, ...baseline.queues], bindings: [...hub.bindings, ...baseline.bindings] };
}

/** Messages the worker's imc consumer accepted per second, from its hub_events_accepted_total, timed from the first. */
async function timeAccepted(metricsUrl: string, total: number): Promise<number> {
  const read = async () => {
    const text = await fetch(metricsUrl).then((r) => r.text(), () => '');
    return Number(/^hub_events_accepted_total\{source="IMC"\} (\d+)/m.exec(text)?.[1] ?? 0);
  };
  let first: { at: number; n: number } | undefined;
  for (;;) {
    const n = await read();
    const at = performance.now();
    if (n > 0 && !first) first = { at, n };
    if (n >= total) return ((n - first!.n) * 1000) / Math.max(1, at - first!.at);
    await sleep(20);
  }
}

/** RabbitMQ's rabbit_password_hashing_sha256: base64(salt ‖ sha256(salt ‖ password)) with a 4-byte salt. */
function rabbitPasswordHash(password: string): string {
  const salt = randomBytes(4);
  return Buffer.concat([salt, createHash('sha256').update(salt).update(password, 'utf8').digest()]).toString('base64');
}
