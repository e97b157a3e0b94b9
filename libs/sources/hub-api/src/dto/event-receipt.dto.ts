import { ApiProperty } from '@nestjs/swagger';

export class EventReceiptDto {
  @ApiProperty({ example: 'NURSING-2b0f7c38-9d8e-5f7a-9c61-6a1d3f0b4e21', description: '{PublisherProgramId}-{UUIDv5}: the same event always gets the same id' })
  EventId: string;

  @ApiProperty({ example: 'AI:1234' })
  PublisherEventId: string;
}
