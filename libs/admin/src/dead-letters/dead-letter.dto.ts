import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DEAD_LETTER_STATUSES, type DeadLetterEntity, type DeadLetterStatus } from '@hub/pipeline';

export class ListDeadLettersQuery {
  @ApiPropertyOptional({ enum: DEAD_LETTER_STATUSES, default: 'open' }) @IsOptional() @IsIn(DEAD_LETTER_STATUSES)
  status?: DeadLetterStatus;

  @ApiPropertyOptional({ example: 'ALM' }) @IsOptional() @IsString() @MaxLength(25)
  source?: string;

  @ApiPropertyOptional({ example: 'NURSING' }) @IsOptional() @IsString() @MaxLength(25)
  programId?: string;

  @ApiPropertyOptional({ example: 'constraint', description: 'Words the reason contains (case-insensitive)' }) @IsOptional() @IsString() @MaxLength(200)
  reason?: string;

  @ApiPropertyOptional({ default: 50, maximum: 500 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(500)
  limit?: number;

  @ApiPropertyOptional({ default: 0 }) @IsOptional() @Type(() => Number) @IsInt() @Min(0)
  offset?: number;
}

export class DeadLetterSummaryDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'ALM' }) source: string;
  @ApiProperty({ nullable: true }) programId: string | null;
  @ApiProperty({ example: 'events[0].timestamp: not a date' }) reason: string;
  @ApiProperty() attempts: number;
  @ApiProperty({ enum: DEAD_LETTER_STATUSES }) status: string;
  @ApiProperty() size: number;
  @ApiProperty() firstSeenUtc: Date;
  @ApiProperty() lastSeenUtc: Date;
}

export class DeadLetterDto extends DeadLetterSummaryDto {
  @ApiProperty({ description: 'The raw payload as UTF-8 text (base64 in payloadBase64 when it is not valid UTF-8)' }) payload: string;
  @ApiPropertyOptional({ nullable: true }) payloadBase64: string | null;
  @ApiPropertyOptional({ nullable: true }) contentType: string | null;
  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' }, nullable: true }) context: Record<string, string> | null;
}

export class ReplayManyDto {
  @ApiProperty({ type: [String], example: ['5b3c1d9e-8f2a-4c1b-9e7d-2a6f4b8c0d13'] }) @ArrayMinSize(1) @ArrayMaxSize(500) @IsUUID('all', { each: true })
  ids: string[];
}

export class DiscardManyDto extends ReplayManyDto {}

export class ReplayResultDto {
  @ApiProperty() id: string;
  @ApiProperty({ example: 'replayed', enum: ['replayed', 'discarded', 'failed'] }) outcome: string;
  @ApiPropertyOptional() detail?: string;
}

export function toSummary(letter: DeadLetterEntity): DeadLetterSummaryDto {
  return {
    id: letter.id,
    source: letter.source,
    programId: letter.programId,
    reason: letter.reason,
    attempts: letter.attempts,
    status: letter.status,
    size: letter.payload.length,
    firstSeenUtc: letter.firstSeenUtc,
    lastSeenUtc: letter.lastSeenUtc,
  };
}

export function toDetail(letter: DeadLetterEntity): DeadLetterDto {
  const text = letter.payload.toString('utf8');
  const isUtf8 = Buffer.from(text, 'utf8').equals(letter.payload);
  return { ...toSummary(letter), payload: text, payloadBase64: isUtf8 ? null : letter.payload.toString('base64'), contentType: letter.contentType, context: letter.context };
}
