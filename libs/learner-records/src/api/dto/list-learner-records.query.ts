import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { LEARNER_STATUSES, type LearnerStatus } from '../../domain/index.js';

export class ListLearnerRecordsQuery {
  @ApiPropertyOptional({ example: 'NURSING', description: 'One of the API key’s programs (403 otherwise); all of them when absent' })
  @IsOptional() @IsString() @MaxLength(25)
  PublisherProgramId?: string;

  @ApiPropertyOptional({ example: 'LB', enum: ['LB', 'ALM', 'IMC', 'XAPI'] }) @IsOptional() @IsString() @MaxLength(25)
  PublisherSystemId?: string;

  @ApiPropertyOptional({ example: 'joebob@example.com' }) @IsOptional() @IsString() @MaxLength(200)
  PublisherParticipantId?: string;

  @ApiPropertyOptional({ example: 'AI:1234', description: 'LB: the entity (AI:1234, LPI:77); ALM: loInstanceId; imc: course-object-id; xAPI: the activity IRI' })
  @IsOptional() @IsString() @MaxLength(500)
  LearningObjectId?: string;

  @ApiPropertyOptional({ example: 'COMPLETED', enum: LEARNER_STATUSES })
  @IsOptional() @IsIn(LEARNER_STATUSES, { message: `Status must be one of ${LEARNER_STATUSES.join(', ')}` })
  Status?: LearnerStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from a previous page’s Link rel="next"' })
  @IsOptional() @IsString() @MaxLength(64)
  after?: string;
}
