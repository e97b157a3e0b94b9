import { Queue } from 'bullmq';
import rhea from 'rhea';
import { redisOptionsFromUrl } from '@hub/pipeline';
import { topUpCredit } from '@hub/sources/imc';

/**
 * The imc baseline: a bare AMQP 1.0 consumer (rhea) that does the same durable write as the hub's imc ingress, one
 * BullMQ add per message on an offline-queue-free Redis connection, and then accepts the message; no parsing, no
 * normalizing. Its credit is kept by the hub's own topUpCredit: at most `credit` messages unsettled, topped up by
 * quarters as they settle (rhea's own credit_window refills on receipt, which leaves the unsettled count unbounded). Resolves with
 * messages accepted per second, timed from the first message.
 */
export async function consumeLikeTheBaseline(amqpUrl: string, queueName: string, redisUrl: string, total: number, credit: number): Promise<number> {
  const url = new URL(amqpUrl);
  const queue = new Queue('bench-imc-baseline', {
    connection: { ...redisOptionsFromUrl(redisUrl), enableOfflineQueue: false, maxRetriesPerRequest: 0 },
    prefix: '{bench}',
    defaultJobOptions: { removeOnComplete: true, attempts: 12, backoff: { type: 'exponential', delay: 1000 } },
  });
  await queue.waitUntilReady();
  const connection = rhea.create_container().connect({
    host: url.hostname,
    port: Number(url.port),
    username: decodeURIComponent(url.username),
    password: decodeURIComponent(url.password),
    reconnect: false,
  });
  try {
    return await new Promise<number>((resolve, reject) => {
      let accepted = 0;
      let started = 0;
      let unsettled = 0;
      const receiver = connection.open_receiver({ source: { address: `/amq/queue/${queueName}` }, autoaccept: false, credit_window: 0 });
      const topUp = () => topUpCredit(receiver, credit, unsettled);
      receiver.on('receiver_open', topUp);
      receiver.on('message', (context) => {
        started ||= performance.now();
        unsettled += 1;
        const body = context.message.body as Buffer | string;
        queue
          .add('payload', { source: 'IMC', programId: 'BENCH', body: Buffer.isBuffer(body) ? body.toString('utf8') : String(body), receivedUtc: new Date().toISOString() })
          .then(() => {
            context.delivery?.accept();
            unsettled -= 1;
            topUp();
            if (++accepted === total) resolve((accepted * 1000) / (performance.now() - started));
          }, reject);
      });
      receiver.on('receiver_error', (context) => reject(new Error(`baseline receiver: ${String(context.receiver?.error)}`)));
      connection.on('connection_error', (context) => reject(new Error(`baseline connection: ${String(context.connection.error)}`)));
    });
  } finally {
    connection.close();
    await queue.close();
  }
}
