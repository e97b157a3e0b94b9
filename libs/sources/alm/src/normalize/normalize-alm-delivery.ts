import { ALM_EVENT_CATEGORIES } from '../events/alm-event-catalogue.js';
import type { AlmDelivery, AlmEvent } from '../delivery/alm-delivery.types.js';
import { eventIdFor, type CanonicalEvent } from '@hub/event-store';

export interface NormalizeAlmOptions {
  /** The program the receiving webhook is configured for. */
  programId: string;
}

/** ALM's own identity of an event, per DESIGN.md: `accountId` + `eventName` + `eventId`. */
export function almSourceIdentity(accountId: string, event: Pick<AlmEvent, 'eventName' | 'eventId'>): [string, string, string] {
  return [accountId, event.eventName, event.eventId];
}

/**
 * The canonical events of a parsed delivery, in delivery order. Cannot fail: everything that could go wrong
 * was decided in `parseAlmDelivery` (see `delivery.rejected`). An event repeated inside one delivery
 * (same account, name and id) is returned once; repeats across deliveries get the same `EventId`, so the
 * store's unique key drops them.
 */
export function normalizeAlmDelivery(delivery: AlmDelivery, options: NormalizeAlmOptions): CanonicalEvent[] {
  const seen = new Set<string>();
  const out: CanonicalEvent[] = [];
  for (const event of delivery.events) {
    const canonical = normalizeAlmEvent(delivery, event, options);
    if (seen.has(canonical.EventId)) continue;
    seen.add(canonical.EventId);
    out.push(canonical);
  }
  return out;
}

export function normalizeAlmEvent(
  delivery: Pick<AlmDelivery, 'accountId' | 'accountIdRaw'>,
  event: AlmEvent,
  { programId }: NormalizeAlmOptions,
): CanonicalEvent {
  return {
    EventId: eventIdFor('ALM', programId, almSourceIdentity(delivery.accountId, event)),
    PublisherProgramId: programId,
    PublisherSystemId: 'ALM',
    EventType: event.eventName,
    PublisherEventId: event.eventId,
    PublisherParticipantId: event.participantId,
    PublisherEventCategory: { ...(event.definition?.category ?? ALM_EVENT_CATEGORIES.other) },
    // ALM's event as sent (times in whatever style it used) plus the delivery's account, which is part of
    // the event's identity and therefore wins over an `accountId` the event might carry itself.
    PublisherEventData: { ...event.original, accountId: delivery.accountIdRaw },
    EventStartUtc: event.startUtc,
    EventEndUtc: event.startUtc,
  };
}
