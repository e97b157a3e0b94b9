/** The publisher systems the hub knows; `LB` comes from the seed, the others are the sources the hub ingests itself. */
export const PUBLISHER_SYSTEMS = ['LB', 'ALM', 'IMC', 'XAPI'] as const;
export type PublisherSystemId = (typeof PUBLISHER_SYSTEMS)[number];

/** Field lengths from the seed (learning-hub-event-model.txt). */
export const FIELD_LIMITS = {
  PublisherProgramId: 25,
  PublisherSystemId: 25,
  EventType: 50,
  PublisherEventId: 200,
  PublisherParticipantId: 200,
} as const;

export interface EventCategory {
  value: string;
  label: string;
}

/**
 * One event in the hub's canonical shape (PascalCase, as in the seed), before the hub has stored it.
 * Every source's normalizer produces these; the store adds `CreatedUtc`.
 */
export interface CanonicalEvent {
  EventId: string;
  PublisherProgramId: string;
  PublisherSystemId: PublisherSystemId;
  EventType: string;
  PublisherEventId: string;
  PublisherParticipantId: string;
  PublisherEventCategory: EventCategory | null;
  PublisherEventData: unknown;
  /** ISO 8601 in UTC. */
  EventStartUtc: string;
  /** ISO 8601 in UTC, or null. */
  EventEndUtc: string | null;
}

/** A canonical event as stored and served. */
export interface StoredEvent extends CanonicalEvent {
  CreatedUtc: string;
}
