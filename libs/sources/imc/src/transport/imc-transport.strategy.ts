import type { OnModuleDestroy } from '@nestjs/common';
import { BaseRpcContext, Server, type CustomTransportStrategy, type MessageHandler } from '@nestjs/microservices';
import { isObservable, lastValueFrom } from 'rxjs';
import type { ImcConsumer } from './imc-consumer.js';
import type { ImcDelivery } from './imc-delivery.js';
import { ImcVerdicts, isImcVerdict, type ImcVerdict } from './imc-verdict.js';

/** Identifies the imc transport, e.g. `@EventPattern(topic, IMC_TRANSPORT)` when a process runs several. */
export const IMC_TRANSPORT = Symbol('imc');

/** The context of an imc @EventPattern handler: `@Ctx() context: ImcContext`. */
export class ImcContext extends BaseRpcContext<[ImcDelivery]> {
  getDelivery(): ImcDelivery {
    return this.args[0];
  }
}

/**
 * The imc queue as a Nest microservice transport: a broker profile (ImcConsumer) delivers messages, the
 * `@EventPattern(<topic>)` handler returns an ImcVerdict, and the profile settles by it. A handler that throws or
 * returns no verdict means "deliver again" (a failed attempt), never an acknowledgement.
 */
export class ImcTransport extends Server<Record<string, never>> implements CustomTransportStrategy, OnModuleDestroy {
  override readonly transportId = IMC_TRANSPORT;
  /** Handler errors come back to dispatch() (and become retries) instead of being only logged by Nest. */
  override readonly propagatesEventHandlerErrors = true;
  private consumer?: ImcConsumer;
  /**
   * Handlers by topic, looked up once: Nest's getHandlerByPattern first tries JSON.parse on the pattern, and a topic
   * name makes it throw, which cost about 4 % of the worker's CPU per message (profiled).
   */
  private readonly handlers = new Map<string, MessageHandler | null>();

  constructor(private readonly createConsumer: () => ImcConsumer) {
    super();
  }

  async listen(callback: (err?: unknown) => void): Promise<void> {
    try {
      this.consumer = this.createConsumer();
      await this.consumer.start((delivery) => this.dispatch(delivery));
      callback();
    } catch (err) {
      callback(err);
    }
  }

  /** Idempotent: runs on module destroy (before the pipeline's queue closes) and again when Nest closes transports. */
  async close(): Promise<void> {
    const consumer = this.consumer;
    this.consumer = undefined;
    await consumer?.stop();
  }

  onModuleDestroy(): Promise<void> {
    return this.close();
  }

  on(): void {
    throw new Error('The imc transport emits no events; its state is in ImcConnectionStatus');
  }

  unwrap<T>(): T {
    if (!this.consumer) throw new Error('The imc transport is not listening');
    return this.consumer as T;
  }

  private handlerFor(topic: string): MessageHandler | null {
    let handler = this.handlers.get(topic);
    if (handler === undefined) {
      handler = this.getHandlerByPattern(topic);
      this.handlers.set(topic, handler);
    }
    return handler;
  }

  async dispatch(delivery: ImcDelivery): Promise<ImcVerdict> {
    const handler = this.handlerFor(delivery.topic);
    if (!handler) return ImcVerdicts.retry(`no @EventPattern handler for ${delivery.topic}`, true);
    try {
      const result: unknown = await handler(delivery, new ImcContext([delivery]));
      const verdict = isObservable(result) ? await lastValueFrom(result, { defaultValue: undefined }) : result;
      return isImcVerdict(verdict) ? verdict : ImcVerdicts.retry(`the ${delivery.topic} handler returned no verdict`, true);
    } catch (err) {
      return ImcVerdicts.retry(`the ${delivery.topic} handler failed: ${(err as Error).message}`, true);
    }
  }
}
