import { eventIdFor, type CanonicalEvent } from '@hub/event-store';
import type { ValidatedLbEvent } from './validate-lb-events.js';

/**
 * A validated LB event in canonical form. The idempotency key is PublisherEventId + EventType + EventStartUtc:
 * one activity instance (AI:1234) can start, complete, reopen and complete again.
 */
export function toCanonicalLbEvent(event: ValidatedLbEvent): CanonicalEvent {
  return { ...event, EventId: lbEventId(event) };
}

/** The EventId alone: what the ingress answers with (the worker builds the whole canonical event). */
export function lbEventId(event: ValidatedLbEvent): string {
  return eventIdFor('LB', event.PublisherProgramId, [event.PublisherEventId, event.EventType, event.EventStartUtc]);
}
