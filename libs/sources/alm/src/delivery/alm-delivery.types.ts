import type { AlmEventDefinition, AlmParticipantField, AlmTimeField } from '../events/alm-event-catalogue.js';
import type { JsonObject, JsonValue } from './safe-json-tree.js';

/**
 * A parsed ALM delivery. Events that cannot be stored are not thrown away: they come back in `rejected`
 * with the reason, so the caller dead-letters them (with the delivery's raw bytes) while the good events
 * in the same delivery are stored. One broken event never costs the others their place.
 */
export interface AlmDelivery {
  /** ALM's account id as text (the samples send a number). Part of every event's idempotency key. */
  accountId: string;
  /** The `accountId` exactly as sent, for `PublisherEventData`. */
  accountIdRaw: string | number;
  events: AlmEvent[];
  rejected: RejectedAlmEvent[];
  /** True when the body only parsed after the lenient pass (trailing commas removed). */
  lenient: boolean;
  /** Things the parser tolerated or removed (polluting keys, unreadable dates); worth logging, not failing. */
  warnings: string[];
}

/** One event, checked and read. Everything the normalizer and the catalogue need is already resolved here. */
export interface AlmEvent {
  /** Position in the delivery's `events` array. */
  index: number;
  eventId: string;
  eventName: string;
  /** The catalogue entry, or null for a name ALM did not document (stored all the same). */
  definition: AlmEventDefinition | null;
  /** `timestamp` as ISO UTC, or null when missing or unreadable. ALM's ordering rules compare this one. */
  timestampUtc: string | null;
  eventInfo: string | null;
  /** Typed view of `data`, ids in the hub's spelling (see `canonicalLoId`). */
  facts: AlmEventFacts;
  participantId: string;
  participantSource: `data.${AlmParticipantField}` | 'accountId';
  /** The canonical `EventStartUtc`. */
  startUtc: string;
  startSource: `data.${AlmTimeField}` | 'timestamp';
  /** The event as received, minus polluting keys: the basis of `PublisherEventData`. */
  original: JsonObject;
}

export interface AlmEventFacts {
  userId: string | null;
  loId: string | null;
  loInstanceId: string | null;
  loType: string | null;
  enrollmentSource: string | null;
  dateEnrolledUtc: string | null;
  dateStartedUtc: string | null;
  dateCompletedUtc: string | null;
  hasPassed: boolean | null;
  progressPercent: number | null;
  enrollmentCount: number | null;
  waitlistCount: number | null;
  seatLimit: number | null;
  /** Named in the user guide's CI_STATS text, absent from its sample; read when ALM sends them. */
  seatAvailability: number | null;
  waitlistLimit: number | null;
  waitlistAvailability: number | null;
}

export type AlmRejectionReason =
  | 'empty_body'
  | 'not_json'
  | 'too_deep'
  | 'not_an_object'
  | 'missing_field'
  | 'invalid_field'
  | 'too_long';

export interface RejectedAlmEvent {
  index: number;
  reason: AlmRejectionReason;
  /** Path of the offending field, e.g. `events[2].eventId` or `events[0].data.userId`. */
  field: string;
  detail: string;
  /** The event as received (minus polluting keys), for the dead-letter record. */
  event: JsonValue;
}

export type AlmDeliveryParseResult =
  | { ok: true; delivery: AlmDelivery }
  | { ok: false; reason: AlmRejectionReason; field?: string; detail: string };
