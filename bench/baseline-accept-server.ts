import { Queue } from 'bullmq';
import Fastify from 'fastify';

/**
 * The accept baseline: a bare Fastify server doing the same durable write as the hub's ingress — one BullMQ add on a
 * Redis connection that never queues offline — with no auth, validation, logging or framework around it.
 */
const url = new URL(process.env.REDIS_URL!);
const queue = new Queue('bench-baseline', {
  connection: { host: url.hostname, port: Number(url.port), enableOfflineQueue: false, maxRetriesPerRequest: 0 },
  prefix: '{bench}',
  defaultJobOptions: { removeOnComplete: true, attempts: 12, backoff: { type: 'exponential', delay: 1000 } },
});
const app = Fastify({ bodyLimit: 5 * 1024 * 1024 });
app.post('/accept', async (request, reply) => {
  const body = JSON.stringify(request.body);
  await queue.add('payload', { source: 'LB', programId: 'BENCH', body, receivedUtc: new Date().toISOString() });
  return reply.code(202).send([{ ok: true }]);
});
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.send?.('ready');
