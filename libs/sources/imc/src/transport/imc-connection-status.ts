import type { ImcBroker } from '@hub/config';
import type { ImcTopic } from '../imc-topics.js';

/**
 * - `disabled`: no IMC_AMQP_URL / IMC_SERVICEBUS_CONNECTION_STRING;
 * - `connecting`: first attempt under way;
 * - `connected`: the connection is up and every topic link is attached;
 * - `degraded`: the connection is up but some topic links are not (being re-opened);
 * - `reconnecting`: the connection was lost or refused; the next attempt is scheduled;
 * - `stopped`: detached on shutdown.
 */
export type ImcConnectionState = 'disabled' | 'connecting' | 'connected' | 'degraded' | 'reconnecting' | 'stopped';

export interface ImcConnectionSnapshot {
  state: ImcConnectionState;
  broker?: ImcBroker;
  /** The broker address without credentials. */
  endpoint?: string;
  since: string;
  /** Topic → whether its link (or Service Bus receiver) is attached. */
  links: Partial<Record<ImcTopic, boolean>>;
  reconnects: number;
  lastError?: string;
}

/**
 * The consumer's connection state, written by the broker profile and read by readiness and metrics. Readiness reports
 * it without failing (imc being away degrades the hub; it does not make the worker unready).
 */
export class ImcConnectionStatus {
  private current: ImcConnectionSnapshot = { state: 'disabled', since: new Date().toISOString(), links: {}, reconnects: 0 };

  configure(broker: ImcBroker, endpoint: string, topics: readonly ImcTopic[]): void {
    this.current = {
      ...this.current,
      broker,
      endpoint,
      links: Object.fromEntries(topics.map((topic) => [topic, false])),
    };
    this.set('connecting');
  }

  set(state: ImcConnectionState, error?: string): void {
    if (state !== this.current.state) this.current = { ...this.current, state, since: new Date().toISOString() };
    if (state === 'reconnecting') this.current = { ...this.current, reconnects: this.current.reconnects + 1 };
    if (error) this.current = { ...this.current, lastError: error };
  }

  /** Marks one topic link attached or lost and derives connected / degraded while the connection is up. */
  link(topic: ImcTopic, attached: boolean, error?: string): void {
    this.current = { ...this.current, links: { ...this.current.links, [topic]: attached } };
    if (error) this.current = { ...this.current, lastError: error };
    if (this.current.state === 'connected' || this.current.state === 'degraded') this.connectionUp();
  }

  /** The connection is up: connected once every link is attached, degraded while one is missing. */
  connectionUp(): void {
    this.set(this.allLinksAttached() ? 'connected' : 'degraded');
  }

  /** The connection is down: every link with it. */
  connectionLost(state: 'reconnecting' | 'stopped', error?: string): void {
    const links = Object.fromEntries(Object.keys(this.current.links).map((topic) => [topic, false]));
    this.current = { ...this.current, links };
    this.set(state, error);
  }

  snapshot(): ImcConnectionSnapshot {
    return { ...this.current, links: { ...this.current.links } };
  }

  private allLinksAttached(): boolean {
    return Object.values(this.current.links).every(Boolean);
  }
}
