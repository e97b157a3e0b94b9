import type { RunningRabbitMq } from '../../libs/dev-stack/src/index.js';
import { canControlRedis, eventually, startRedis, stopProcess, stopRedis, waitForDrain } from '../support/hub.js';
import {
  countImcEvents,
  imcPublisher,
  imcReadiness,
  imcTenant,
  loginMessages,
  queueDepth,
  startImcBroker,
  startImcWorker,
  workerMetrics,
  type ImcWorker,
} from '../support/imc.js';

const LOGIN = 'de.imc.ils_login';

/**
 * Zero loss and zero duplicates across consumer downtime, a worker crash and a broker crash, counted in rows. Each
 * test has its own virtual host (queues), subscription and program on one broker.
 */
describe('imc queue durability (RabbitMQ)', () => {
  const tenants = { durable: imcTenant('durable'), crash: imcTenant('crash'), restart: imcTenant('restart'), outage: imcTenant('outage') };
  let broker: RunningRabbitMq;
  const workers: ImcWorker[] = [];

  const start = async (tenant: (typeof tenants)[keyof typeof tenants], extra: Record<string, string> = {}) => {
    const worker = await startImcWorker(broker, tenant, extra);
    workers.push(worker);
    return worker;
  };
  const connected = (worker: ImcWorker) =>
    eventually(async () => (await imcReadiness(worker)).imc?.state === 'connected', 60_000, `${worker.name} connected`);
  const settled = (tenant: (typeof tenants)[keyof typeof tenants]) =>
    eventually(async () => {
      const depth = await queueDepth(broker, tenant, LOGIN);
      return depth.ready + depth.unacked === 0;
    }, 60_000, 'the queue to be empty');

  beforeAll(async () => {
    broker = await startImcBroker(Object.values(tenants));
  });

  afterAll(async () => {
    for (const worker of workers) await stopProcess(worker.name, 'SIGKILL');
    await broker?.stop();
  });

  it('keeps what is published while the consumer is down: 100 published, consumer up, 100 stored', async () => {
    const tenant = tenants.durable;
    const first = await start(tenant);
    await connected(first);
    // A graceful stop detaches; the subscription (here the durable queue) stays.
    await stopProcess(first.name, 'SIGTERM');

    const publisher = await imcPublisher(broker, tenant);
    await publisher.publishAll(loginMessages(100, 'durable'));
    await publisher.close();
    expect(await queueDepth(broker, tenant, LOGIN)).toEqual({ ready: 100, unacked: 0 });
    expect((await countImcEvents(tenant.programId)).rows).toBe(0);

    await connected(await start(tenant));
    await eventually(async () => (await countImcEvents(tenant.programId)).rows >= 100, 60_000, '100 rows');
    await settled(tenant);
    await waitForDrain();
    expect(await countImcEvents(tenant.programId)).toEqual({ rows: 100, distinctMarkers: 100 });
  });

  it('stores every message exactly once when the worker is killed mid-stream', async () => {
    const tenant = tenants.crash;
    const total = 1000;
    const publisher = await imcPublisher(broker, tenant);
    await publisher.publishAll(loginMessages(total, 'crash'));
    await publisher.close();

    // Small credit keeps the first worker busy long enough to be killed with messages in hand.
    const doomed = await start(tenant, { IMC_CREDIT: '5' });
    const storedAtKill = await eventually(async () => {
      const { rows } = await countImcEvents(tenant.programId);
      return rows > 0 ? rows : undefined;
    }, 60_000, 'the first rows');
    await stopProcess(doomed.name, 'SIGKILL');
    expect(storedAtKill).toBeLessThan(total);
    const left = await queueDepth(broker, tenant, LOGIN);
    expect(left.ready + left.unacked).toBeGreaterThan(0);

    await connected(await start(tenant));
    await eventually(async () => (await countImcEvents(tenant.programId)).rows >= total, 120_000, `${total} rows`);
    await settled(tenant);
    await waitForDrain();
    expect(await countImcEvents(tenant.programId)).toEqual({ rows: total, distinctMarkers: total });
  });

  it('recovers by itself when the broker crashes mid-stream and comes back, without loss or duplicates', async () => {
    const tenant = tenants.restart;
    const worker = await start(tenant, { IMC_CREDIT: '5' });
    await connected(worker);

    const before = 500;
    let publisher = await imcPublisher(broker, tenant);
    await publisher.publishAll(loginMessages(before, 'restart'));
    await publisher.close();
    const storedAtCrash = await eventually(async () => {
      const { rows } = await countImcEvents(tenant.programId);
      return rows > 0 ? rows : undefined;
    }, 60_000, 'the first rows');
    await broker.kill();
    expect(storedAtCrash).toBeLessThan(before);

    // Degraded, not down: the worker stays ready and says what is wrong.
    await eventually(async () => {
      const ready = await imcReadiness(worker);
      return ready.httpStatus === 200 && ready.imc?.state === 'reconnecting' && ready.imc.degraded;
    }, 30_000, 'readiness to show the imc connection lost');

    await broker.restart();
    await connected(worker);
    publisher = await imcPublisher(broker, tenant);
    await publisher.publishAll(loginMessages(20, 'restart', before));
    await publisher.close();

    await eventually(async () => (await countImcEvents(tenant.programId)).rows >= before + 20, 120_000, `${before + 20} rows`);
    await settled(tenant);
    await waitForDrain();
    expect(await countImcEvents(tenant.programId)).toEqual({ rows: before + 20, distinctMarkers: before + 20 });
  });

  (canControlRedis() ? it : it.skip)('leaves messages at the broker while the pipeline is unavailable and stores them once it is back', async () => {
    const tenant = tenants.outage;
    const worker = await start(tenant, { IMC_CREDIT: '5' });
    await connected(worker);
    const released = async () => Number(/hub_imc_messages_settled_total\{topic="de\.imc\.ils_login",outcome="released"\} (\d+)/.exec(await workerMetrics(worker))?.[1] ?? 0);

    await stopRedis();
    try {
      const publisher = await imcPublisher(broker, tenant);
      await publisher.publishAll(loginMessages(10, 'outage'));
      await publisher.close();
      // Not accepted means not acknowledged: the consumer hands them back (released) and the broker keeps them.
      await eventually(async () => (await released()) >= 5, 30_000, 'messages released while Redis is down');
      const held = await queueDepth(broker, tenant, LOGIN);
      expect(held.ready + held.unacked).toBe(10);
      // Readiness is 503 now (Redis); the imc link itself stayed up.
      expect(await workerMetrics(worker)).toContain('hub_imc_connection_state{state="connected"} 1');
    } finally {
      await startRedis();
    }
    await eventually(async () => (await countImcEvents(tenant.programId)).rows >= 10, 60_000, '10 rows after Redis returned');
    await settled(tenant);
    await waitForDrain();
    expect(await countImcEvents(tenant.programId)).toEqual({ rows: 10, distinctMarkers: 10 });
  });
});
