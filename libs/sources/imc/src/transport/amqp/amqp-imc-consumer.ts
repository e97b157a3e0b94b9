import rhea from 'rhea';
import type { Connection, ConnectionOptions, Container, Delivery, EventContext, Message, Receiver, Session } from 'rhea';
import type { ImcTopic } from '../../imc-topics.js';
import type { ImcConnectionStatus } from '../imc-connection-status.js';
import type { ImcConsumer, ImcConsumerLog, ImcDispatch } from '../imc-consumer.js';
import type { ImcDelivery } from '../imc-delivery.js';
import { ImcVerdicts, type ImcVerdict } from '../imc-verdict.js';
import { ReconnectBackoff, retryHoldMs } from '../reconnect-backoff.js';
import type { AmqpBrokerPlan, AmqpLinkPlan } from './amqp-broker-plan.js';
import { amqpSettlementFor, type AmqpSettlement } from './amqp-settlement.js';
import { topUpCredit } from './credit-top-up.js';
import { parseAmqpUrl, type AmqpEndpoint } from './amqp-url.js';

export interface AmqpImcConsumerOptions {
  url: string;
  plan: AmqpBrokerPlan;
  /** Unsettled messages per topic link. */
  credit: number;
  reconnectMinMs: number;
  reconnectMaxMs: number;
  /** How long stop() lets messages in hand settle before detaching anyway (they are redelivered then). */
  drainTimeoutMs?: number;
  /** How long a message the pipeline could not take is held before it goes back to the broker. */
  retryHoldMs?: (deliveryCount: number) => number;
  /** Called once per settled message, for metrics. */
  onSettled?: (topic: ImcTopic, outcome: AmqpSettlement['outcome']) => void;
}

/** An option rhea reads (connection.js) that its typings leave out. */
interface RheaSocketOptions {
  tcp_no_delay: boolean;
}

interface TopicLink {
  plan: AmqpLinkPlan;
  /** Each topic has its own session: RabbitMQ ends the whole session when one source is refused (a missing queue). */
  session: Session;
  receiver: Receiver;
  /** The broker closed the link or its session; a new TopicLink replaces it. */
  lost: boolean;
  /** Dispatched and not yet settled on this receiver: with the receiver's credit it never exceeds the configured credit. */
  inflight: number;
  reopenTimer?: NodeJS.Timeout;
}

/**
 * The AMQP 1.0 profiles (Artemis, ActiveMQ, RabbitMQ) over rhea. The consumer owns reconnection: rhea's own
 * reconnect is off because its links are not reliably re-attached (measured), so every (re)connect opens every topic
 * link afresh. Credit is granted by hand as messages settle, so about `credit` messages per topic are unsettled at
 * most. A message is settled only after its verdict: accepted once the pipeline holds it.
 */
export class AmqpImcConsumer implements ImcConsumer {
  private readonly endpoint: AmqpEndpoint;
  private readonly container: Container;
  private readonly backoff: ReconnectBackoff;
  private readonly linkBackoffs = new Map<ImcTopic, ReconnectBackoff>();
  private readonly links = new Map<ImcTopic, TopicLink>();
  private readonly inflight = new Set<Promise<void>>();
  private readonly holds = new Set<() => void>();
  private connection?: Connection;
  private dispatch?: ImcDispatch;
  private reconnectTimer?: NodeJS.Timeout;
  private stopping = false;

  constructor(
    private readonly options: AmqpImcConsumerOptions,
    private readonly status: ImcConnectionStatus,
    private readonly log: ImcConsumerLog,
  ) {
    this.endpoint = parseAmqpUrl(options.url, options.plan.broker);
    this.backoff = new ReconnectBackoff(options.reconnectMinMs, options.reconnectMaxMs);
    this.container = rhea.create_container({ id: options.plan.containerId });
    // rhea throws unhandled errors from its container; every error is also seen (and acted on) below.
    this.container.on('error', (err: Error) => this.log.warn(`imc amqp: ${err.message}`));
    this.status.configure(
      options.plan.broker,
      this.endpoint.display,
      options.plan.links.map((l) => l.topic),
    );
  }

  async start(dispatch: ImcDispatch): Promise<void> {
    this.dispatch = dispatch;
    this.stopping = false;
    this.connect();
  }

  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    clearTimeout(this.reconnectTimer);
    for (const link of this.links.values()) clearTimeout(link.reopenTimer);
    for (const release of this.holds) release();
    await Promise.race([Promise.allSettled([...this.inflight]), sleep(this.options.drainTimeoutMs ?? 15_000)]);

    const connection = this.connection;
    this.connection = undefined;
    if (connection?.is_open()) {
      // Detach, never close: closing a receiver deletes its durable subscription on Artemis and ActiveMQ.
      const receivers = [...this.links.values()].map((link) => link.receiver);
      for (const receiver of receivers) receiver.detach();
      await waitUntil(() => receivers.every((r) => !r.is_remote_open()), 3_000);
      for (const link of this.links.values()) link.session.end();
      connection.close();
      await waitUntil(() => connection.is_closed(), 3_000);
    } else {
      connection?.close(); // still connecting: give up the attempt
    }
    this.links.clear();
    this.status.connectionLost('stopped');
    this.log.log(`imc consumer detached from ${this.endpoint.display}`);
  }

  private connect(): void {
    if (this.stopping) return;
    const { host, port, tls, username, password, hostname } = this.endpoint;
    const options: ConnectionOptions & RheaSocketOptions = {
      host,
      port,
      ...(tls ? { transport: 'tls' as const, servername: host } : { transport: 'tcp' as const }),
      username,
      password,
      hostname,
      container_id: this.options.plan.containerId,
      reconnect: false,
      // Without traffic for this long the peer is considered gone, so a silently dead broker is noticed.
      idle_time_out: 30_000,
      // Nagle off. rhea turns it off only in connection.open_receiver, and our links have sessions of their own: with
      // it on, a credit or settlement frame waited for the broker's delayed ACK, so a link idled with credit out.
      tcp_no_delay: true,
    };
    const connection = this.container.connect(options);
    this.connection = connection;
    connection.on('connection_open', () => this.onOpen(connection));
    connection.on('connection_error', (context: EventContext) => this.onLost(connection, describe(context.connection.error, 'closed with an error')));
    connection.on('connection_close', () => this.onLost(connection, 'closed by the broker'));
    connection.on('disconnected', (context: EventContext) => this.onLost(connection, describe(context.error, 'disconnected')));
  }

  private onOpen(connection: Connection): void {
    if (this.connection !== connection) return;
    this.backoff.reset();
    this.status.connectionUp();
    this.log.log(`imc consumer connected to ${this.endpoint.display} (${this.options.plan.broker}, container ${this.options.plan.containerId})`);
    for (const plan of this.options.plan.links) this.openLink(connection, plan);
  }

  private onLost(connection: Connection, reason: string): void {
    if (this.connection !== connection) return;
    this.connection = undefined;
    for (const link of this.links.values()) clearTimeout(link.reopenTimer);
    this.links.clear();
    if (this.stopping) return;
    const delay = this.backoff.next();
    this.status.connectionLost('reconnecting', reason);
    this.log.warn(`imc connection to ${this.endpoint.display} lost (${reason}); reconnecting in ${delay} ms`);
    if (!connection.is_closed()) connection.close();
    this.reconnectTimer = setTimeout(() => this.connect(), delay);
  }

  private openLink(connection: Connection, plan: AmqpLinkPlan): void {
    const session = connection.create_session();
    session.begin();
    const receiver = session.open_receiver({
      name: plan.name,
      source: plan.source,
      // Unsettled transfers, settled by us after the verdict; credit by hand (0 turns rhea's prefetch window off).
      snd_settle_mode: 0,
      rcv_settle_mode: 0,
      autoaccept: false,
      credit_window: 0,
    });
    const link: TopicLink = { plan, session, receiver, inflight: 0, lost: false };
    this.links.set(plan.topic, link);
    receiver.on('receiver_open', () => {
      // A null source in the broker's attach means it refused the address; its detach (with the reason) follows.
      if (!receiver.source) return;
      this.linkBackoff(plan.topic).reset();
      this.status.link(plan.topic, true);
      this.topUp(link);
    });
    receiver.on('message', (context: EventContext) => this.onMessage(link, context));
    // Errors are reported with the close that follows them.
    receiver.on('receiver_error', () => undefined);
    receiver.on('receiver_close', (context: EventContext) => this.onLinkLost(connection, link, describe(context.receiver?.error, 'detached by the broker')));
    session.on('session_error', () => undefined);
    session.on('session_close', (context: EventContext) => this.onLinkLost(connection, link, describe(context.session?.error, 'session ended by the broker')));
  }

  private onLinkLost(connection: Connection, link: TopicLink, reason: string): void {
    if (link.lost || this.links.get(link.plan.topic) !== link) return;
    link.lost = true;
    this.status.link(link.plan.topic, false, `${link.plan.topic}: ${reason}`);
    if (this.stopping || this.connection !== connection || !connection.is_open()) return;
    if (!link.session.is_closed()) link.session.end();
    const delay = this.linkBackoff(link.plan.topic).next();
    this.log.warn(`imc link ${link.plan.name} (${String(link.plan.source.address)}) lost: ${reason}; re-opening in ${delay} ms`);
    link.reopenTimer = setTimeout(() => {
      if (!this.stopping && this.connection === connection && connection.is_open()) this.openLink(connection, link.plan);
    }, delay);
  }

  private onMessage(link: TopicLink, context: EventContext): void {
    const delivery = context.delivery;
    const message = context.message;
    if (!delivery || !message) return;
    if (this.stopping || !this.dispatch) {
      settle(delivery, { outcome: 'released' });
      return;
    }
    link.inflight += 1;
    const inbound = toImcDelivery(link.plan, this.options.plan.broker, message);
    const work = this.handle(inbound)
      .then((verdict) => this.settle(link, delivery, inbound, verdict))
      .catch((err: Error) => this.log.error(`imc settlement on ${link.plan.topic} failed: ${err.message}`))
      .finally(() => {
        link.inflight -= 1;
        this.inflight.delete(work);
        this.topUp(link);
      });
    this.inflight.add(work);
  }

  private async handle(delivery: ImcDelivery): Promise<ImcVerdict> {
    try {
      return await this.dispatch!(delivery);
    } catch (err) {
      return ImcVerdicts.retry(`handler failed: ${(err as Error).message}`, true);
    }
  }

  private async settle(link: TopicLink, delivery: Delivery, inbound: ImcDelivery, verdict: ImcVerdict): Promise<void> {
    if (verdict.kind === 'retry') await this.hold((this.options.retryHoldMs ?? retryHoldMs)(inbound.deliveryCount));
    const settlement = amqpSettlementFor(verdict, this.options.plan.supportsModified, offeredOutcomes(link.receiver));
    // The link or connection is gone: the broker puts the message back by itself, and a redelivery is deduplicated.
    if (link.lost || !link.receiver.is_open()) return;
    settle(delivery, settlement);
    this.options.onSettled?.(link.plan.topic, settlement.outcome);
  }

  /** Grants credit back on a live link (topUpCredit). */
  private topUp(link: TopicLink): void {
    if (this.stopping || link.lost || this.links.get(link.plan.topic) !== link || !link.receiver.is_open() || !link.receiver.source) return;
    topUpCredit(link.receiver, this.options.credit, link.inflight);
  }

  /** Waits, or less when stop() cuts it short. */
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

  private linkBackoff(topic: ImcTopic): ReconnectBackoff {
    let backoff = this.linkBackoffs.get(topic);
    if (!backoff) {
      backoff = new ReconnectBackoff(this.options.reconnectMinMs, this.options.reconnectMaxMs);
      this.linkBackoffs.set(topic, backoff);
    }
    return backoff;
  }
}

function toImcDelivery(plan: AmqpLinkPlan, broker: AmqpBrokerPlan['broker'], message: Message): ImcDelivery {
  const deliveryCount = typeof message.delivery_count === 'number' ? message.delivery_count : 0;
  return {
    topic: plan.topic,
    address: String(plan.source.address),
    broker,
    body: message.body,
    contentType: message.content_type,
    messageId: message.message_id === undefined || message.message_id === null ? undefined : String(message.message_id),
    redelivered: message.first_acquirer === false || deliveryCount > 0,
    deliveryCount,
    receivedUtc: new Date().toISOString(),
  };
}

function settle(delivery: Delivery, settlement: AmqpSettlement): void {
  switch (settlement.outcome) {
    case 'accepted':
      return delivery.accept();
    case 'released':
      return delivery.release();
    case 'modified':
      return delivery.modified({ delivery_failed: true, undeliverable_here: false });
    case 'rejected':
      return delivery.reject({ condition: settlement.condition, description: settlement.description });
  }
}

function offeredOutcomes(receiver: Receiver): string[] | undefined {
  const outcomes = (receiver.source as { outcomes?: string | string[] } | undefined)?.outcomes;
  if (outcomes === undefined || outcomes === null) return undefined;
  return Array.isArray(outcomes) ? outcomes : [outcomes];
}

function describe(error: unknown, fallback: string): string {
  if (!error) return fallback;
  if (error instanceof Error) return error.message;
  const amqp = error as { condition?: string; description?: string };
  return [amqp.condition, amqp.description].filter(Boolean).join(': ') || fallback;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done() && Date.now() < deadline) await sleep(20);
}
