/**
 * How a source tells the dashboard whether it is connected, without the dashboard importing the source. A source
 * module implements SourceStatusProvider and hands it to SourceStatusRegistry: `register` when the status can be
 * computed in any API process (e.g. ALM webhooks, from the database), `publish` when it lives in one process only
 * (e.g. the imc consumer's broker connection, in a worker), which writes it to Redis every few seconds.
 */

/** The colour of a status: everything fine, partly working, not working, or switched off on purpose. */
export const SOURCE_HEALTHS = ['ok', 'degraded', 'down', 'off'] as const;
export type SourceHealth = (typeof SOURCE_HEALTHS)[number];

/** One connection of a source: an ALM webhook, an imc topic link, an xAPI client. */
export interface SourceConnectionStatus {
  id: string;
  name: string;
  /** The source's own word for it: `enabled`, `attached`, `disabled`. */
  state?: string;
  health?: SourceHealth;
  /** When it last delivered something (ISO 8601). */
  lastDeliveryUtc?: string | null;
  /** Deliveries refused for bad credentials or signatures. */
  authFailures?: { lastHour: number; lastUtc?: string | null };
  detail?: string;
}

export interface SourceStatus {
  /** The PublisherSystemId: LB, ALM, IMC, XAPI. */
  source: string;
  /** The source's own word for its state: `connected`, `reconnecting`, `listening`, `not configured`. */
  state: string;
  health: SourceHealth;
  detail?: string;
  /** Since when the state holds (ISO 8601). */
  sinceUtc?: string;
  connections?: SourceConnectionStatus[];
}

export interface SourceStatusProvider {
  readonly source: string;
  status(): SourceStatus | Promise<SourceStatus>;
}

/** What the dashboard shows for a source nobody has reported on. */
export function notConfigured(source: string): SourceStatus {
  return { source, state: 'not configured', health: 'off' };
}
