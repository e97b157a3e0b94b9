import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import type { AlmLearningObjectInstanceEntity } from './alm-learning-object-instance.entity.js';
import type { AlmLearningObjectEntity } from './alm-learning-object.entity.js';

export const LEARNING_OBJECT_STATES = ['draft', 'published', 'retired', 'deleted'] as const;
export const INSTANCE_STATES = ['active', 'retired', 'deleted'] as const;

/**
 * The catalogue speaks ALM's vocabulary (camelCase, ALM's field names such as `enrollmentCount`), since it mirrors
 * what ALM's webhooks say about ALM's objects; canonical events and learner records keep the hub's PascalCase.
 */
export class AlmInstanceDto {
  @ApiProperty({ example: 'course:12345678_14448475' }) loInstanceId: string;
  @ApiPropertyOptional({ enum: INSTANCE_STATES, nullable: true, example: 'active', description: 'null when only seat figures are known' }) state: string | null;
  @ApiProperty({ example: true, description: 'True when ALM did not name the state: an instance modification reads as active' }) stateInferred: boolean;
  @ApiPropertyOptional({ nullable: true, example: '2024-11-08T03:49:52.000Z', description: 'ALM time of the event the state comes from' }) stateSourceUtc: Date | null;
  @ApiPropertyOptional({ nullable: true, example: 10 }) enrollmentCount: number | null;
  @ApiPropertyOptional({ nullable: true, example: 0 }) waitlistCount: number | null;
  @ApiPropertyOptional({ nullable: true, example: 30 }) seatLimit: number | null;
  @ApiPropertyOptional({ nullable: true, example: null }) seatAvailability: number | null;
  @ApiPropertyOptional({ nullable: true, example: null }) waitlistLimit: number | null;
  @ApiPropertyOptional({ nullable: true, example: null }) waitlistAvailability: number | null;
  @ApiPropertyOptional({ nullable: true, example: '2024-11-08T03:49:52.000Z', description: 'ALM time of the CI_STATS event the seat figures come from' }) seatsSourceUtc: Date | null;
  @ApiProperty({ example: '2024-11-08T03:49:53.410Z', description: 'When the hub last changed this entry' }) updatedUtc: Date;
}

export class AlmLearningObjectDto {
  @ApiProperty({ example: 'NURSING' }) programId: string;
  @ApiProperty({ example: 'course:12345678', description: 'In ALM’s public API spelling (learningProgram:…, never learning_program:…)' }) loId: string;
  @ApiPropertyOptional({ nullable: true, example: 'course' }) loType: string | null;
  @ApiPropertyOptional({ enum: LEARNING_OBJECT_STATES, nullable: true, example: 'published', description: 'null when the object is known only through its instances' }) state: string | null;
  @ApiProperty({ example: true, description: 'True when ALM did not name the state: LEARNING_OBJECT_MODIFICATION reads as published (ALM sends it for retirement too)' }) stateInferred: boolean;
  @ApiPropertyOptional({ nullable: true, example: '2024-11-08T03:49:52.000Z' }) stateSourceUtc: Date | null;
  @ApiPropertyOptional({ nullable: true, example: 'LEARNING_OBJECT_MODIFICATION' }) stateEventName: string | null;
  @ApiProperty({ example: '2024-11-08T03:49:53.410Z' }) updatedUtc: Date;
  @ApiProperty({ type: AlmInstanceDto, isArray: true }) instances: AlmInstanceDto[];
}

export class ListAlmLearningObjectsQuery {
  @ApiPropertyOptional({ example: 'NURSING', description: 'One of the key’s programs; default all of them' })
  @IsOptional() @IsString() @Length(1, 25)
  programId?: string;

  @ApiPropertyOptional({ enum: LEARNING_OBJECT_STATES })
  @IsOptional() @IsIn(LEARNING_OBJECT_STATES)
  state?: (typeof LEARNING_OBJECT_STATES)[number];

  @ApiPropertyOptional({ example: 'course', description: 'course, learningProgram, certification, …' })
  @IsOptional() @IsString() @Length(1, 50)
  loType?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  limit?: number;

  @ApiPropertyOptional({ description: 'Opaque cursor from the previous page’s Link rel="next"' })
  @IsOptional() @IsString() @MaxLength(400)
  after?: string;
}

export class GetAlmLearningObjectQuery {
  @ApiPropertyOptional({ example: 'NURSING', description: 'Needed only when the key’s programs hold the object more than once' })
  @IsOptional() @IsString() @Length(1, 25)
  programId?: string;
}

export function toLearningObjectDto(lo: AlmLearningObjectEntity, instances: AlmLearningObjectInstanceEntity[]): AlmLearningObjectDto {
  return {
    programId: lo.programId,
    loId: lo.loId,
    loType: lo.loType,
    state: lo.state,
    stateInferred: lo.stateInferred,
    stateSourceUtc: lo.stateSourceUtc,
    stateEventName: lo.stateEventName,
    updatedUtc: lo.updatedUtc,
    instances: instances.map((i) => ({
      loInstanceId: i.loInstanceId,
      state: i.state,
      stateInferred: i.stateInferred,
      stateSourceUtc: i.stateSourceUtc,
      enrollmentCount: i.enrollmentCount,
      waitlistCount: i.waitlistCount,
      seatLimit: i.seatLimit,
      seatAvailability: i.seatAvailability,
      waitlistLimit: i.waitlistLimit,
      waitlistAvailability: i.waitlistAvailability,
      seatsSourceUtc: i.seatsSourceUtc,
      updatedUtc: i.updatedUtc,
    })),
  };
}
