import { ApiProperty } from '@nestjs/swagger';

export class LearnerRecordsStatusDto {
  @ApiProperty({ example: 'MTIzNDU2LjEyMzQ1Ng', description: 'Feed cursor (as in GET /api/v1/events?after=) up to which every stored event is in the records' })
  projectedThrough: string;

  @ApiProperty({ example: 0, description: 'Stored events not yet in the records (counted up to 100,000)' })
  behind: number;

  @ApiProperty({ example: true, description: 'True when every stored event is in the records' })
  caughtUp: boolean;
}
