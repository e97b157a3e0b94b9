import rhea from 'rhea';
import type { Connection, Delivery, EventContext, Sender } from 'rhea';

/**
 * A stand-in for the imc Learning Suite: publishes JSON messages to imc topics over AMQP 1.0, as the e2e tests and
 * the benchmark need. Each publish resolves once the broker accepted the message (it is durable there).
 */
export type ImcPublisherBroker = 'rabbitmq' | 'artemis' | 'activemq';

/** How the JSON travels: a data section of UTF-8 bytes (imc's usual), an AMQP string value, or an AMQP map value. */
export type ImcBodyEncoding = 'data' | 'string' | 'map';

export interface ImcOutgoingMessage {
  topic: string;
  /** JSON text, bytes, or an object (serialized for 'data' and 'string'; sent as an AMQP map for 'map'). */
  body: string | Buffer | object;
  encoding?: ImcBodyEncoding;
  messageId?: string;
}

export interface ImcPublisherOptions {
  /** amqp://user:password@host:port[/vhost] */
  url: string;
  broker?: ImcPublisherBroker;
  /** Unconfirmed messages publishAll keeps in flight (default 200). */
  window?: number;
}

export interface ImcPublisher {
  publish(message: ImcOutgoingMessage): Promise<void>;
  /** Publishes in order with up to `window` unconfirmed at a time; resolves with the count once all are accepted. */
  publishAll(messages: Iterable<ImcOutgoingMessage>): Promise<number>;
  close(): Promise<void>;
}

/** Where imc's topics live for a publisher on each broker. */
export function imcTopicTarget(broker: ImcPublisherBroker, topic: string): { address: string; capabilities?: string[] } {
  switch (broker) {
    case 'rabbitmq':
      return { address: `/exchange/amq.topic/${topic}` };
    case 'artemis':
      return { address: topic, capabilities: ['topic'] };
    case 'activemq':
      return { address: `topic://${topic}` };
  }
}

export async function connectImcPublisher(options: ImcPublisherOptions): Promise<ImcPublisher> {
  const broker = options.broker ?? 'rabbitmq';
  const window = options.window ?? 200;
  const url = new URL(options.url);
  const container = rhea.create_container({ id: `imc-publisher-${process.pid}-${Date.now()}` });
  container.on('error', () => undefined);
  const vhost = decodeURIComponent(url.pathname.replace(/^\//, ''));
  const connection: Connection = container.connect({
    host: url.hostname,
    port: Number(url.port || 5672),
    // RabbitMQ reads the virtual host from the open frame's hostname.
    hostname: broker === 'rabbitmq' && vhost ? `vhost:${vhost}` : undefined,
    username: url.username ? decodeURIComponent(url.username) : undefined,
    password: url.password ? decodeURIComponent(url.password) : undefined,
    reconnect: false,
  });
  await new Promise<void>((resolve, reject) => {
    connection.once('connection_open', () => resolve());
    connection.once('disconnected', (context: EventContext) => reject(context.error ?? new Error('imc publisher: disconnected')));
    connection.once('connection_error', (context: EventContext) => reject(new Error(`imc publisher: ${JSON.stringify(context.connection.error)}`)));
  });

  const senders = new Map<string, Promise<Sender>>();
  const pending = new Map<Delivery, { resolve: () => void; reject: (err: Error) => void }>();

  const senderFor = (topic: string): Promise<Sender> => {
    let sender = senders.get(topic);
    if (!sender) {
      sender = new Promise<Sender>((resolve, reject) => {
        const link = connection.open_sender({ target: imcTopicTarget(broker, topic), autosettle: true });
        link.once('sender_open', () => resolve(link));
        link.once('sender_error', (context: EventContext) => reject(new Error(`imc publisher ${topic}: ${JSON.stringify(context.sender?.error)}`)));
        link.on('accepted', (context: EventContext) => pending.get(context.delivery!)?.resolve());
        for (const outcome of ['rejected', 'released', 'modified'] as const) {
          link.on(outcome, (context: EventContext) => pending.get(context.delivery!)?.reject(new Error(`imc publisher ${topic}: ${outcome}`)));
        }
      });
      senders.set(topic, sender);
    }
    return sender;
  };

  const publish = async (message: ImcOutgoingMessage): Promise<void> => {
    const sender = await senderFor(message.topic);
    while (!sender.sendable()) await new Promise((resolve) => sender.once('sendable', resolve));
    await new Promise<void>((resolve, reject) => {
      const delivery = sender.send({
        body: encodeBody(message),
        content_type: 'application/json',
        durable: true,
        message_id: message.messageId,
      });
      pending.set(delivery, {
        resolve: () => {
          pending.delete(delivery);
          resolve();
        },
        reject: (err) => {
          pending.delete(delivery);
          reject(err);
        },
      });
    });
  };

  return {
    publish,
    async publishAll(messages) {
      const inFlight = new Set<Promise<void>>();
      let count = 0;
      for (const message of messages) {
        const sent = publish(message).finally(() => inFlight.delete(sent));
        inFlight.add(sent);
        count += 1;
        if (inFlight.size >= window) await Promise.race(inFlight);
      }
      await Promise.all(inFlight);
      return count;
    },
    async close() {
      connection.close();
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 2_000);
        connection.once('connection_close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  };
}

function encodeBody(message: ImcOutgoingMessage): unknown {
  const encoding = message.encoding ?? 'data';
  const { body } = message;
  if (encoding === 'map') {
    if (Buffer.isBuffer(body) || typeof body === 'string') return JSON.parse(body.toString());
    return body;
  }
  const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : JSON.stringify(body);
  if (encoding === 'string') return text;
  return rhea.message.data_section(Buffer.isBuffer(body) ? body : Buffer.from(text, 'utf8'));
}
