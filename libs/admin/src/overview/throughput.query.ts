import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class ThroughputQuery {
  @ApiPropertyOptional({ default: 60, minimum: 5, maximum: 60, description: 'How many minutes back (minute buckets are kept for the last hour)' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(5) @Max(60)
  minutes?: number;
}
