import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { ISO_DATE_TIME } from './publish-event.dto.js';

export class ListEventsQuery {
  @ApiPropertyOptional({ example: 'NURSING' }) @IsOptional() @IsString() @MaxLength(25)
  PublisherProgramId?: string;

  @ApiPropertyOptional({ example: 'LB' }) @IsOptional() @IsString() @MaxLength(25)
  PublisherSystemId?: string;

  @ApiPropertyOptional({ example: 'AI_COMP_SUCCESS' }) @IsOptional() @IsString() @MaxLength(50)
  EventType?: string;

  @ApiPropertyOptional({ example: 'joebob@example.com' }) @IsOptional() @IsString() @MaxLength(200)
  PublisherParticipantId?: string;

  @ApiPropertyOptional({ example: 'AI:1234' }) @IsOptional() @IsString() @MaxLength(200)
  PublisherEventId?: string;

  @ApiPropertyOptional({ example: 'activity', description: 'The category’s value' }) @IsOptional() @IsString() @MaxLength(100)
  PublisherEventCategory?: string;

  @ApiPropertyOptional({ example: '2024-01-01T00:00:00Z', description: 'EventStartUtc at or after' })
  @IsOptional() @Matches(ISO_DATE_TIME, { message: 'from must be an ISO 8601 date-time' })
  from?: string;

  @ApiPropertyOptional({ example: '2025-01-01T00:00:00Z', description: 'EventStartUtc before' })
  @IsOptional() @Matches(ISO_DATE_TIME, { message: 'to must be an ISO 8601 date-time' })
  to?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from a previous page’s Link rel="next"' })
  @IsOptional() @IsString() @MaxLength(64)
  after?: string;
}
