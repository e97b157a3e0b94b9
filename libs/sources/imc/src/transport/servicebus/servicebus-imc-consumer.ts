import { ServiceBusClient, type ProcessErrorArgs, type ServiceBusReceivedMessage, type ServiceBusReceiver, type ServiceBusReceiverOptions } from '@azure/service-bus';
import type { ImcTopic } from '../../imc-topics.js';
import type { ImcConnectionStatus } from '../imc-connection-status.js';
import type { ImcConsumer, ImcConsumerLog, ImcDispatch } from '../imc-consumer.js';
import type { ImcDelivery } from '../imc-delivery.js';
import { ImcVerdicts, type ImcVerdict } from '../imc-verdict.js';
import { retryHoldMs } from '../reconnect-backoff.js';
import { serviceBusEndpoint, serviceBusSettlementFor, type ServiceBusSettlement } from './servicebus-settlement.js';

/** The part of the SDK's receiver the consumer uses (so tests can stand in for it). */
export type ServiceBusReceiverLike = Pick<ServiceBusReceiver, 'subscribe' | 'completeMessage' | 'abandonMessage' | 'deadLetterMessage' | 'close'>;

export interface ServiceBusClientLike {
  createReceiver(topicName: string, subscriptionName: string, options?: ServiceBusReceiverOptions): ServiceBusReceiverLike;
  close(): Promise<void>;
}

export type ServiceBusClientFactory = (connectionString: string) => ServiceBusClientLike;

export interface ServiceBusImcConsumerOptions {
  connectionString: string;
  subscription: string;
  topics: readonly ImcTopic[];
  /** Messages handled at once per topic (the SDK's maxConcurrentCalls, which is also its prefetch). */
  credit: number;
  createClient?: ServiceBusClientFactory;
  drainTimeoutMs?: number;
  retryHoldMs?: (deliveryCount: number) => number;
  /** A topic whose receiver reported an error counts as attached again after this long without one. */
  recoveryQuietMs?: number;
  onSettled?: (topic: ImcTopic, outcome: ServiceBusSettlement) => void;
}

interface TopicReceiver {
  topic: ImcTopic;
  receiver: ServiceBusReceiverLike;
  subscription: { close(): Promise<void> };
  quietTimer?: NodeJS.Timeout;
}

/**
 * The Service Bus profile: one peek-lock receiver per topic on the hub's subscription (`IMC_SUBSCRIPTION`). The SDK
 * reconnects by itself and reports failures through processError; the consumer turns those into the connection
 * status and settles each message by its verdict (complete / abandon / deadLetter), never automatically.
 */
export class ServiceBusImcConsumer implements ImcConsumer {
  private client?: ServiceBusClientLike;
  private readonly receivers: TopicReceiver[] = [];
  private readonly inflight = new Set<Promise<void>>();
  private readonly holds = new Set<() => void>();
  private dispatch?: ImcDispatch;
  private stopping = false;

  constructor(
    private readonly options: ServiceBusImcConsumerOptions,
    private readonly status: ImcConnectionStatus,
    private readonly log: ImcConsumerLog,
  ) {
    this.status.configure('servicebus', serviceBusEndpoint(options.connectionString), options.topics);
  }

  async start(dispatch: ImcDispatch): Promise<void> {
    this.dispatch = dispatch;
    this.stopping = false;
    const createClient = this.options.createClient ?? ((connectionString: string) => new ServiceBusClient(connectionString));
    this.client = createClient(this.options.connectionString);
    this.status.connectionUp();
    for (const topic of this.options.topics) {
      const receiver = this.client.createReceiver(topic, this.options.subscription, {
        receiveMode: 'peekLock',
        // The raw bytes, not the SDK's JSON guess: the hub decodes and keeps exactly what imc sent.
        skipParsingBodyAsJson: true,
        maxAutoLockRenewalDurationInMs: 10 * 60_000,
      });
      const subscription = receiver.subscribe(
        {
          processMessage: (message) => this.onMessage(topic, receiver, message),
          processError: async (args) => this.onError(topic, args),
        },
        { autoCompleteMessages: false, maxConcurrentCalls: this.options.credit },
      );
      this.receivers.push({ topic, receiver, subscription });
      this.status.link(topic, true);
    }
    this.log.log(`imc consumer receiving from ${serviceBusEndpoint(this.options.connectionString)} (subscription ${this.options.subscription})`);
  }

  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    for (const release of this.holds) release();
    for (const r of this.receivers) clearTimeout(r.quietTimer);
    await Promise.allSettled(this.receivers.map((r) => r.subscription.close()));
    await Promise.race([Promise.allSettled([...this.inflight]), sleep(this.options.drainTimeoutMs ?? 15_000)]);
    // Closing a receiver leaves the subscription (a management entity) and its messages in place.
    await Promise.allSettled(this.receivers.map((r) => r.receiver.close()));
    await this.client?.close().catch(() => undefined);
    this.receivers.length = 0;
    this.status.connectionLost('stopped');
    this.log.log('imc consumer detached from Service Bus');
  }

  private async onMessage(topic: ImcTopic, receiver: ServiceBusReceiverLike, message: ServiceBusReceivedMessage): Promise<void> {
    if (this.stopping || !this.dispatch) {
      await receiver.abandonMessage(message).catch(() => undefined);
      return;
    }
    const work = this.handleAndSettle(topic, receiver, message);
    this.inflight.add(work);
    try {
      await work;
    } finally {
      this.inflight.delete(work);
    }
  }

  private async handleAndSettle(topic: ImcTopic, receiver: ServiceBusReceiverLike, message: ServiceBusReceivedMessage): Promise<void> {
    const delivery = this.toDelivery(topic, message);
    this.markAttached(topic);
    let verdict: ImcVerdict;
    try {
      verdict = await this.dispatch!(delivery);
    } catch (err) {
      verdict = ImcVerdicts.retry(`handler failed: ${(err as Error).message}`, true);
    }
    if (verdict.kind === 'retry') await this.hold((this.options.retryHoldMs ?? retryHoldMs)(delivery.deliveryCount));
    const settlement = serviceBusSettlementFor(verdict);
    try {
      if (settlement === 'complete') await receiver.completeMessage(message);
      else if (settlement === 'abandon') await receiver.abandonMessage(message);
      else if (verdict.kind === 'dead-letter') {
        await receiver.deadLetterMessage(message, { deadLetterReason: 'imc-unprocessable', deadLetterErrorDescription: verdict.reason.slice(0, 4000) });
      }
      this.options.onSettled?.(topic, settlement);
    } catch (err) {
      // A lost lock: Service Bus redelivers the message, and the hub deduplicates it.
      this.log.warn(`imc ${settlement} on ${topic} failed: ${(err as Error).message}`);
    }
  }

  private onError(topic: ImcTopic, args: ProcessErrorArgs): void {
    this.log.warn(`imc Service Bus ${args.errorSource} error on ${topic}: ${args.error.message}`);
    if (args.errorSource !== 'receive' || this.stopping) return;
    this.status.link(topic, false, `${topic}: ${args.error.message}`);
    // The SDK keeps retrying by itself; a quiet spell without errors means it got through.
    const receiver = this.receivers.find((r) => r.topic === topic);
    if (!receiver) return;
    clearTimeout(receiver.quietTimer);
    receiver.quietTimer = setTimeout(() => this.markAttached(topic), this.options.recoveryQuietMs ?? 30_000);
  }

  private markAttached(topic: ImcTopic): void {
    if (this.stopping) return;
    const receiver = this.receivers.find((r) => r.topic === topic);
    if (receiver) clearTimeout(receiver.quietTimer);
    if (this.status.snapshot().links[topic] !== true) this.status.link(topic, true);
  }

  private toDelivery(topic: ImcTopic, message: ServiceBusReceivedMessage): ImcDelivery {
    const deliveryCount = message.deliveryCount ?? 0;
    return {
      topic,
      address: `${topic}/Subscriptions/${this.options.subscription}`,
      broker: 'servicebus',
      body: message.body,
      contentType: message.contentType,
      messageId: message.messageId === undefined ? undefined : String(message.messageId),
      // Service Bus counts the first delivery too.
      redelivered: deliveryCount > 1,
      deliveryCount: Math.max(deliveryCount - 1, 0),
      receivedUtc: new Date().toISOString(),
    };
  }

  private hold(ms: number): Promise<void> {
    if (this.stopping) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.holds.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.holds.add(done);
    });
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());
