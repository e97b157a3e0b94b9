import type { MessageHandlers, ServiceBusReceivedMessage, ServiceBusReceiverOptions, SubscribeOptions } from '@azure/service-bus';
import type { ProgramsService } from '@hub/access';
import type { ImcConfig } from '@hub/config';
import { PipelineUnavailableError, type AcceptService, type DeadLettersService, type IngestPayload } from '@hub/pipeline';
import { IMC_TOPIC, type ImcTopic } from '../../imc-topics.js';
import { ImcIngressService } from '../../ingress/imc-ingress.service.js';
import { readImcSeedSample } from '../../messages/fixtures/imc-seed-samples.js';
import { ImcConnectionStatus } from '../imc-connection-status.js';
import type { ServiceBusClientLike, ServiceBusReceiverLike } from './servicebus-imc-consumer.js';
import { ServiceBusImcConsumer } from './servicebus-imc-consumer.js';

/** Stands in for the SDK's ServiceBusReceiver: records settlements and lets the test deliver messages. */
class MockReceiver implements ServiceBusReceiverLike {
  handlers?: MessageHandlers;
  subscribeOptions?: SubscribeOptions;
  readonly settled: { action: string; messageId: unknown; reason?: string }[] = [];
  subscriptionClosed = false;
  closed = false;

  constructor(
    readonly topic: string,
    readonly subscription: string,
    readonly options?: ServiceBusReceiverOptions,
  ) {}

  subscribe(handlers: MessageHandlers, options?: SubscribeOptions) {
    this.handlers = handlers;
    this.subscribeOptions = options;
    return { close: async () => void (this.subscriptionClosed = true) };
  }
  async completeMessage(message: ServiceBusReceivedMessage) {
    this.settled.push({ action: 'complete', messageId: message.messageId });
  }
  async abandonMessage(message: ServiceBusReceivedMessage) {
    this.settled.push({ action: 'abandon', messageId: message.messageId });
  }
  async deadLetterMessage(message: ServiceBusReceivedMessage, options?: { deadLetterReason?: string; deadLetterErrorDescription?: string }) {
    this.settled.push({ action: 'deadLetter', messageId: message.messageId, reason: options?.deadLetterErrorDescription });
  }
  async close() {
    this.closed = true;
  }
  /** What the SDK does for each received message: await the processMessage callback. */
  deliver(body: unknown, messageId: string, deliveryCount = 1): Promise<void> {
    return this.handlers!.processMessage({ body, messageId, deliveryCount, contentType: 'application/json' } as ServiceBusReceivedMessage);
  }
}

class MockClient implements ServiceBusClientLike {
  readonly receivers = new Map<string, MockReceiver>();
  closed = false;
  createReceiver(topic: string, subscription: string, options?: ServiceBusReceiverOptions) {
    const receiver = new MockReceiver(topic, subscription, options);
    this.receivers.set(topic, receiver);
    return receiver;
  }
  async close() {
    this.closed = true;
  }
}

const silent = { log: () => undefined, warn: () => undefined, error: () => undefined };
const CONNECTION_STRING = 'Endpoint=sb://imc-test.servicebus.windows.net/;SharedAccessKeyName=hub;SharedAccessKey=c2VjcmV0';

function setup(accept: (payload: IngestPayload) => Promise<string> = async () => 'job') {
  const client = new MockClient();
  const status = new ImcConnectionStatus();
  const accepted: IngestPayload[] = [];
  const kept: unknown[][] = [];
  const ingress = new ImcIngressService(
    { accept: async (payload: IngestPayload) => (accepted.push(payload), accept(payload)) } as unknown as AcceptService,
    { keepRaw: async (...args: unknown[]) => (kept.push(args), 'dl') } as unknown as DeadLettersService,
    { ensure: async () => undefined } as unknown as ProgramsService,
    { programId: 'IMC' } as ImcConfig,
  );
  const topics: ImcTopic[] = [IMC_TOPIC.login, IMC_TOPIC.registrations];
  const consumer = new ServiceBusImcConsumer(
    { connectionString: CONNECTION_STRING, subscription: 'learning-hub', topics, credit: 8, createClient: () => client, retryHoldMs: () => 0, recoveryQuietMs: 20 },
    status,
    silent,
  );
  return { client, status, accepted, kept, consumer, start: () => consumer.start((delivery) => ingress.receive(delivery)) };
}

describe('Service Bus profile (SDK receiver mocked)', () => {
  it('receives each topic on the hub subscription with peek-lock, raw bodies, manual settlement and bounded concurrency', async () => {
    const { client, status, start } = setup();
    await start();
    const login = client.receivers.get(IMC_TOPIC.login)!;
    expect(login.subscription).toBe('learning-hub');
    expect(login.options).toMatchObject({ receiveMode: 'peekLock', skipParsingBodyAsJson: true });
    expect(login.subscribeOptions).toEqual({ autoCompleteMessages: false, maxConcurrentCalls: 8 });
    expect([...client.receivers.keys()]).toEqual([IMC_TOPIC.login, IMC_TOPIC.registrations]);
    expect(status.snapshot()).toMatchObject({ state: 'connected', broker: 'servicebus', endpoint: 'sb://imc-test.servicebus.windows.net/' });
  });

  it('completes a message only after the pipeline accepted it', async () => {
    let release!: () => void;
    const { client, accepted, start } = setup(() => new Promise((resolve) => (release = () => resolve('job'))));
    await start();
    const receiver = client.receivers.get(IMC_TOPIC.login)!;
    const processing = receiver.deliver(Buffer.from(readImcSeedSample('login-success'), 'utf8'), 'm-1');
    await new Promise((resolve) => setImmediate(resolve));
    expect(accepted).toHaveLength(1);
    expect(receiver.settled).toEqual([]);
    release();
    await processing;
    expect(receiver.settled).toEqual([{ action: 'complete', messageId: 'm-1' }]);
    expect(accepted[0]).toMatchObject({ source: 'IMC', body: readImcSeedSample('login-success'), context: { topic: IMC_TOPIC.login, broker: 'servicebus' } });
  });

  it('abandons (so Service Bus redelivers) when the pipeline is unavailable, and never completes', async () => {
    const { client, start } = setup(async () => {
      throw new PipelineUnavailableError(new Error('redis down'));
    });
    await start();
    const receiver = client.receivers.get(IMC_TOPIC.registrations)!;
    await receiver.deliver(readImcSeedSample('registration-change'), 'm-2', 3);
    expect(receiver.settled).toEqual([{ action: 'abandon', messageId: 'm-2' }]);
  });

  it('keeps a malformed message in the hub dead letters first, then dead-letters it at Service Bus with the reason', async () => {
    const { client, kept, accepted, start } = setup();
    await start();
    const receiver = client.receivers.get(IMC_TOPIC.login)!;
    await receiver.deliver(Buffer.from('{"login":', 'utf8'), 'm-3');
    expect(accepted).toHaveLength(0);
    expect(kept).toHaveLength(1);
    expect((kept[0][5] as Record<string, string>).topic).toBe(IMC_TOPIC.login);
    expect(receiver.settled).toEqual([{ action: 'deadLetter', messageId: 'm-3', reason: expect.stringMatching(/^invalid_json/) }]);
  });

  it('shows receive errors as degraded until the SDK gets through again', async () => {
    const { client, status, start } = setup();
    await start();
    await client.receivers.get(IMC_TOPIC.login)!.handlers!.processError({
      error: new Error('amqp:connection:forced'),
      errorSource: 'receive',
      entityPath: 'de.imc.ils_login/Subscriptions/learning-hub',
      fullyQualifiedNamespace: 'imc-test.servicebus.windows.net',
      identifier: 'hub-login',
    });
    expect(status.snapshot()).toMatchObject({ state: 'degraded', lastError: expect.stringContaining('amqp:connection:forced') });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(status.snapshot().state).toBe('connected');
  });

  it('stops by closing the subscriptions, the receivers and the client, leaving the subscription in place', async () => {
    const { client, status, consumer, start } = setup();
    await start();
    await consumer.stop();
    for (const receiver of client.receivers.values()) expect({ sub: receiver.subscriptionClosed, closed: receiver.closed }).toEqual({ sub: true, closed: true });
    expect(client.closed).toBe(true);
    expect(status.snapshot().state).toBe('stopped');
  });
});
