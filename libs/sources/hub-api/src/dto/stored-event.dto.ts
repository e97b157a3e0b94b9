import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { EventCategoryDto } from './publish-event.dto.js';

/** The seed's GET shape plus EventId and CreatedUtc. */
export class StoredEventDto {
  @ApiProperty({ example: 'NURSING-2b0f7c38-9d8e-5f7a-9c61-6a1d3f0b4e21' })
  EventId: string;

  @ApiProperty({ example: 'NURSING' })
  PublisherProgramId: string;

  @ApiProperty({ example: 'AI:1234' })
  PublisherEventId: string;

  @ApiProperty({ example: 'LB', enum: ['LB', 'ALM', 'IMC', 'XAPI'] })
  PublisherSystemId: string;

  @ApiProperty({ example: 'AI_COMP_SUCCESS' })
  EventType: string;

  @ApiProperty({ example: 'joebob@example.com' })
  PublisherParticipantId: string;

  @ApiPropertyOptional({ type: EventCategoryDto, nullable: true })
  PublisherEventCategory: EventCategoryDto | null;

  @ApiProperty({ type: 'object', additionalProperties: true, example: { credits: 2 } })
  PublisherEventData: unknown;

  @ApiProperty({ example: '2024-03-01T14:30:00.000Z' })
  EventStartUtc: string;

  @ApiProperty({ example: '2024-03-01T14:30:00.000Z', nullable: true })
  EventEndUtc: string | null;

  @ApiProperty({ example: '2024-03-01T14:30:01.123Z' })
  CreatedUtc: string;
}
