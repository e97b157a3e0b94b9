import { ApiProperty } from '@nestjs/swagger';

export class AlmDeliveryReceiptDto {
  @ApiProperty({ example: 3, description: 'Events in the delivery that will be stored (resent ones are recognised and stored once)' })
  events: number;

  @ApiProperty({ example: 0, description: 'Events that cannot be read (e.g. no eventId): kept in the dead-letter store, not stored' })
  unreadableEvents: number;
}
