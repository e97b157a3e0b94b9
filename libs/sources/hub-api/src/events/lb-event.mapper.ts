import { eventIdFor, type CanonicalEvent } from '@hub/event-store';
import type { PublishEventDto } from '../dto/publish-event.dto.js';

/** Reads an ISO date-time as UTC when it has no zone; returns the canonical ISO string. Rejects impossible dates (Feb 30). */
export function toUtcIso(value: string): string {
  const parts = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?/.exec(value);
  if (!parts) throw new RangeError(`Not a date-time: ${value}`);
  const [year, month, day, hour, minute, second] = parts.slice(1).map((p) => Number(p ?? 0));
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth || hour > 23 || minute > 59 || second > 59) {
    throw new RangeError(`Not a date-time: ${value}`);
  }
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
