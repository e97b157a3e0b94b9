import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsIn, IsString, Length } from 'class-validator';
import { API_KEY_SCOPES, type ApiKeyScope } from '@hub/access';

export class CreateApiKeyDto {
  @ApiProperty({ example: 'LearningBuilder production' })
  @IsString() @Length(1, 200)
  name: string;

  @ApiProperty({ example: ['NURSING'], description: 'Programs the key may publish to and read' })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(100) @ArrayUnique() @IsString({ each: true }) @Length(1, 25, { each: true })
  programIds: string[];

  @ApiProperty({ example: ['events:write', 'events:read'], enum: API_KEY_SCOPES, isArray: true })
  @IsArray() @ArrayMinSize(1) @ArrayUnique() @IsIn(API_KEY_SCOPES, { each: true })
  scopes: ApiKeyScope[];
}

export class CreatedApiKeyDto {
  @ApiProperty({ example: '5b3c1d9e-8f2a-4c1b-9e7d-2a6f4b8c0d13' }) id: string;
  @ApiProperty({ example: 'lhk_Jk3…', description: 'Shown once; the hub keeps only its hash' }) key: string;
}

export class ApiKeyDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'lhk_Jk3x9aQ2', description: 'First characters of the key, to tell keys apart' }) keyPrefix: string;
  @ApiProperty({ example: ['NURSING'] }) programIds: string[];
  @ApiProperty({ example: ['events:write'] }) scopes: string[];
  @ApiProperty() createdUtc: Date;
  @ApiProperty({ nullable: true }) revokedUtc: Date | null;
}
