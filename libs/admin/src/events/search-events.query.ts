import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';

export class SearchEventsQuery {
  @ApiPropertyOptional({ example: 'NURSING', description: 'PublisherProgramId (any program: this is the admin search)' })
  @IsOptional() @IsString() @Length(1, 25)
  programId?: string;

  @ApiPropertyOptional({ example: 'LB', description: 'PublisherSystemId' })
  @IsOptional() @IsString() @Length(1, 25)
  systemId?: string;

  @ApiPropertyOptional({ example: 'AI_COMP_SUCCESS' })
  @IsOptional() @IsString() @Length(1, 50)
  eventType?: string;

  @ApiPropertyOptional({ example: 'joebob@example.com', description: 'PublisherParticipantId' })
  @IsOptional() @IsString() @Length(1, 200)
  participantId?: string;

  @ApiPropertyOptional({ example: 'AI:1234' })
  @IsOptional() @IsString() @Length(1, 200)
  publisherEventId?: string;

  @ApiPropertyOptional({ example: '2024-03-01T00:00:00Z', description: 'EventStartUtc at or after' })
  @IsOptional() @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2024-03-02T00:00:00Z', description: 'EventStartUtc before' })
  @IsOptional() @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ description: 'The `next` of the previous page: continue with older events' })
  @IsOptional() @IsString() @MaxLength(64)
  before?: string;

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;
}
