import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

export class ListImcCoursesQuery {
  @ApiPropertyOptional({ example: 'IMC', description: 'One of the key’s programs (default: all of them)' })
  @IsOptional() @IsString() @MaxLength(25)
  programId?: string;

  @ApiPropertyOptional({ example: '517282', description: 'imc object-id' })
  @IsOptional() @IsString() @MaxLength(200)
  courseId?: string;

  @ApiPropertyOptional({ example: 'ce77b12d-4119-3390-92e6-000000001517' })
  @IsOptional() @IsString() @MaxLength(200)
  externalId?: string;

  @ApiPropertyOptional({ example: 'classroom' })
  @IsOptional() @IsString() @MaxLength(200)
  learningForm?: string;

  @ApiPropertyOptional({ example: 'Course', description: 'Case-insensitive part of the title' })
  @IsOptional() @IsString() @MaxLength(200)
  title?: string;

  @ApiPropertyOptional({ example: '2020-10-01T00:00:00Z', description: 'Courses whose latest change was sent at or after this time' })
  @IsOptional() @Matches(ISO_DATE_TIME, { message: 'changedSince must be an ISO 8601 date-time with a zone' })
  changedSince?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from a previous page’s Link rel="next"' })
  @IsOptional() @IsString() @MaxLength(600)
  after?: string;
}
