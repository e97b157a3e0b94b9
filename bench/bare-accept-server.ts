import { Queue } from 'bullmq';
import Fastify from 'fastify';

/**
 * The baseline of the ALM accept benchmark: a bare Fastify server that does the same durable write as the hub's
 * accept() (one BullMQ job holding the raw body, on the same Redis), with nothing else: no auth, no parsing, no
 * database. Run as its own process, like the hub's API.
 */
const url = new URL(process.env.REDIS_URL ?? 'redis://127.0.0.1:6379');
const queue = new Queue('bench-baseline', {
  connection: { host: url.hostname, port: Number(url.port), enableOfflineQueue: false, maxRetriesPerRequest: 0 },
  prefix: '{bench}',
  defaultJobOptions: { removeOnComplete: true, removeOnFail: true },
});
const app = Fastify({ bodyLimit: 5 * 1024 * 1024 });
app.removeContentTypeParser('application/json');
app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
app.post('/accept', async (request, reply) => {
  await queue.add('payload', { body: (request.body as Buffer).toString('utf8'), receivedUtc: new Date().toISOString() });
  return reply.status(202).send({ accepted: true });
});
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });
process.send?.({ port: (app.server.address() as { port: number }).port });
process.on('SIGTERM', () => void app.close().then(() => queue.close()).then(() => process.exit(0)));
