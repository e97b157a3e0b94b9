import { ApiProperty } from '@nestjs/swagger';

/** A stored event as the admin search returns it: the canonical shape (the subscriber API's, which admin may not import). */
export class AdminStoredEventDto {
  @ApiProperty({ example: 'NURSING-2b0f7c38-9d8e-5f7a-9c61-6a1d3f0b4e21' }) EventId: string;
  @ApiProperty({ example: 'NURSING' }) PublisherProgramId: string;
  @ApiProperty({ example: 'LB', enum: ['LB', 'ALM', 'IMC', 'XAPI'] }) PublisherSystemId: string;
  @ApiProperty({ example: 'AI_COMP_SUCCESS' }) EventType: string;
  @ApiProperty({ example: 'AI:1234' }) PublisherEventId: string;
  @ApiProperty({ example: 'joebob@example.com' }) PublisherParticipantId: string;
  @ApiProperty({ type: 'object', nullable: true, properties: { value: { type: 'string' }, label: { type: 'string' } }, example: null }) PublisherEventCategory: { value: string; label: string } | null;
  @ApiProperty({ type: 'object', additionalProperties: true, example: { credits: 2 } }) PublisherEventData: unknown;
  @ApiProperty({ example: '2024-03-01T14:30:00.000Z' }) EventStartUtc: string;
  @ApiProperty({ example: '2024-03-01T14:30:00.000Z', nullable: true }) EventEndUtc: string | null;
  @ApiProperty({ example: '2024-03-01T14:30:01.123Z' }) CreatedUtc: string;
}
