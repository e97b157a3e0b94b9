import { eventIdFor, type CanonicalEvent } from '@hub/event-store';
import type { PublishEventDto } from '../dto/publish-event.dto.js';

/** Reads an ISO date-time as UTC when it has no zone; returns the canonical ISO string. */
export function toUtcIso(value: string): string {
  const zoned = /([Zz]|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value}Z`;
  const date = new Date(zoned.replace(' ', 'T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date-time: ${value}`);
  return date.toISOString();
}

/**
 * A validated LB event in canonical form. The idempotency key is PublisherEventId + EventType + EventStartUtc:
 * one activity instance (AI:1234) can start, complete, reopen and complete again.
 */
export function toCanonicalLbEvent(dto: PublishEventDto): CanonicalEvent {
  const start = toUtcIso(dto.EventStartUtc);
  return {
    EventId: eventIdFor('LB', dto.PublisherProgramId, [dto.PublisherEventId, dto.EventType, start]),
    PublisherProgramId: dto.PublisherProgramId,
    PublisherSystemId: 'LB',
    EventType: dto.EventType,
    PublisherEventId: dto.PublisherEventId,
    PublisherParticipantId: dto.PublisherParticipantId,
    PublisherEventCategory: dto.PublisherEventCategory ? { value: dto.PublisherEventCategory.value, label: dto.PublisherEventCategory.label } : null,
    PublisherEventData: dto.PublisherEventData ?? null,
    EventStartUtc: start,
    EventEndUtc: dto.EventEndUtc ? toUtcIso(dto.EventEndUtc) : start,
  };
}
