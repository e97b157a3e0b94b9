import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

export class CreateProgramDto {
  @ApiProperty({ example: 'NURSING', maxLength: 25, description: 'PublisherProgramId: letters, digits, _ . : and -' })
  @IsString() @Length(1, 25) @Matches(/^[A-Za-z0-9_.:-]+$/, { message: 'programId may hold letters, digits, _ . : and - only' })
  programId: string;

  @ApiProperty({ example: 'Nursing board' })
  @IsString() @Length(1, 200)
  name: string;
}

export class ProgramDto {
  @ApiProperty({ example: 'NURSING' }) programId: string;
  @ApiProperty({ example: 'Nursing board' }) name: string;
  @ApiProperty({ example: '2024-03-01T14:30:00.000Z' }) createdUtc: Date;
}
