import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { connectImcPublisher, startRabbitMq, type RunningRabbitMq } from '@hub/dev-stack';
import { imcRabbitMqDefinitions } from '@hub/sources/imc';
import { freePort, type BenchStack } from './bench-stack.js';
import { timeDrain } from './drain.js';

const SUBSCRIPTION = 'bench';

/**
 * imc: `total` registration changes (each a distinct body, so none is a duplicate) published to RabbitMQ with no
 * consumer running; then one worker with the imc consumer is started and timed until all are stored.
 * Returns messages consumed and stored per second.
 */
export async function benchImc(stack: BenchStack, programId: string, total: number): Promise<number> {
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
      ...imcRabbitMqDefinitions({ subscription: SUBSCRIPTION }),
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
    const workerPort = await freePort();
    await stack.startProcess(
      'apps/worker/src/main.js',
      { WORKER_HEALTH_PORT: String(workerPort), IMC_AMQP_URL: broker.url, IMC_BROKER: 'rabbitmq', IMC_SUBSCRIPTION: SUBSCRIPTION, IMC_PROGRAM_ID: programId },
      `http://127.0.0.1:${workerPort}/health/live`,
    );
    return await timeDrain(stack.postgres.url, programId, total);
  } finally {
    await broker.stop();
  }
}

/** RabbitMQ's rabbit_password_hashing_sha256: base64(salt ‖ sha256(salt ‖ password)) with a 4-byte salt. */
function rabbitPasswordHash(password: string): string {
  const salt = randomBytes(4);
  return Buffer.concat([salt, createHash('sha256').update(salt).update(password, 'utf8').digest()]).toString('base64');
}
