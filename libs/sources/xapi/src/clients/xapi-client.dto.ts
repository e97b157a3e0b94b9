import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

export class CreateXapiClientDto {
  @ApiProperty({ example: 'Partner content provider' })
  @IsString() @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'NURSING', description: 'The program whose LRS the client reads and writes' })
  @IsString() @Length(1, 25)
  programId: string;

  @ApiPropertyOptional({ example: 'partner123-igs', description: 'When set, every statement POST must carry it as igsClientId or X-IGS-Client-Id' })
  @IsOptional() @IsString() @Length(1, 200) @Matches(/^[\x21-\x7e]+$/, { message: 'igsClientId must be printable ASCII without spaces' })
  igsClientId?: string;
}

export class XapiClientCredentialsDto {
  @ApiProperty({ example: 'xapi-3f9a1c0b7d2e4f6a8b9c' }) clientId: string;
  @ApiProperty({ example: 'xs_Jk3x…', description: 'Shown once; the hub keeps only its hash' }) clientSecret: string;
}

export class XapiClientDto {
  @ApiProperty({ example: 'xapi-3f9a1c0b7d2e4f6a8b9c' }) clientId: string;
  @ApiProperty({ example: 'Partner content provider' }) name: string;
  @ApiProperty({ example: 'NURSING' }) programId: string;
  @ApiProperty({ example: 'partner123-igs', nullable: true, type: String }) igsClientId: string | null;
  @ApiProperty() createdUtc: Date;
  @ApiProperty({ nullable: true, type: Date }) secretRotatedUtc: Date | null;
  @ApiProperty({ nullable: true, type: Date }) revokedUtc: Date | null;
}
