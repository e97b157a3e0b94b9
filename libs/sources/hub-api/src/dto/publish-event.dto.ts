import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FIELD_LIMITS } from '@hub/event-store';
import { LB_EVENT_TYPES } from '../events/lb-event-types.js';

/** ISO 8601 date-time; a value without a zone is read as UTC, as the field names say. */
export const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2})?$/;

export class EventCategoryDto {
  @ApiProperty({ example: 'activity', maxLength: 100, description: 'Stable code of the publisher’s own classification' })
  value: string;

  @ApiProperty({ example: 'Activity', maxLength: 200, description: 'Human-readable label' })
  label: string;
}

/** The POST body of one event, exactly as in the seed (documentation; validate-lb-events.ts enforces the rules). */
export class PublishEventDto {
  @ApiProperty({ example: 'NURSING', maxLength: FIELD_LIMITS.PublisherProgramId, description: 'The program that owns the event; the API key must have access to it' })
  PublisherProgramId: string;

  @ApiProperty({ example: 'LB', enum: ['LB'], description: 'Only LB (LearningBuilder) publishes through this API' })
  PublisherSystemId: 'LB';

  @ApiProperty({ example: 'AI_COMP_SUCCESS', enum: LB_EVENT_TYPES })
  EventType: string;

  @ApiProperty({ example: 'AI:1234', maxLength: FIELD_LIMITS.PublisherEventId, description: 'Entity-scoped id: AI:1234 is activity instance 1234' })
  PublisherEventId: string;

  @ApiProperty({ example: 'joebob@example.com', maxLength: FIELD_LIMITS.PublisherParticipantId })
  PublisherParticipantId: string;

  @ApiPropertyOptional({ type: EventCategoryDto, nullable: true })
  PublisherEventCategory?: EventCategoryDto | null;

  @ApiPropertyOptional({ type: 'object', additionalProperties: true, example: { credits: 2, activity: 'CPR refresher' }, description: 'The publisher’s own JSON, stored untouched' })
  PublisherEventData?: Record<string, unknown>;

  @ApiProperty({ example: '2024-03-01T14:30:00Z', description: 'UTC date/time the event occurred or started' })
  EventStartUtc: string;

  @ApiPropertyOptional({ example: '2024-03-01T14:30:00Z', nullable: true, description: 'Equal to EventStartUtc for single-instant events' })
  EventEndUtc?: string | null;
}
