import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';

export class RebuildLearnerRecordsDto {
  @ApiPropertyOptional({ type: [String], example: ['NURSING'], description: 'Rebuild only these programs; every program when absent' })
  @IsOptional() @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @IsString({ each: true }) @MaxLength(25, { each: true })
  programIds?: string[];
}

export class RebuildResultDto {
  @ApiProperty({ type: [String], nullable: true, example: ['NURSING'], description: 'Null when every program was rebuilt' })
  programIds: string[] | null;

  @ApiProperty({ example: 120000, description: 'Events read from the log' })
  events: number;

  @ApiProperty({ example: 118500, description: 'Learner facts stored' })
  facts: number;

  @ApiProperty({ example: 30250, description: 'Records the log produces' })
  records: number;

  @ApiProperty({ example: 0, description: 'Records inserted or changed; 0 when incremental processing had them exactly' })
  changed: number;

  @ApiProperty({ example: 0, description: 'Records no event produces any more (after a change of the mapping)' })
  removed: number;
}
