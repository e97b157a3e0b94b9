import type { ImcDelivery } from './imc-delivery.js';
import type { ImcVerdict } from './imc-verdict.js';

/** Hands one delivery to the handlers and resolves with their verdict (never rejects: a failure is a retry). */
export type ImcDispatch = (delivery: ImcDelivery) => Promise<ImcVerdict>;

/** One broker profile: connects, reads every topic with bounded credit, settles by verdict, reconnects, detaches. */
export interface ImcConsumer {
  /** Starts connecting and returns; a broker that is away is retried with backoff, not reported as a failure. */
  start(dispatch: ImcDispatch): Promise<void>;
  /** Stops taking messages, lets the ones in hand settle, detaches (never deletes) the subscriptions, disconnects. */
  stop(): Promise<void>;
}

/** The log lines a consumer writes; Nest's Logger fits. */
export interface ImcConsumerLog {
  log(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}
