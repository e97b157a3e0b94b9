import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class TokenRequestDto {
  @ApiProperty({ example: 'client_credentials', enum: ['client_credentials'] }) grant_type: string;
  @ApiPropertyOptional({ example: 'xapi-3f9a1c0b7d2e4f6a8b9c', description: 'Or send id and secret with HTTP Basic' }) client_id?: string;
  @ApiPropertyOptional({ example: 'xs_Jk3x…' }) client_secret?: string;
  @ApiPropertyOptional({ description: 'Accepted and ignored: a token grants the client its program’s LRS' }) scope?: string;
}

export class TokenResponseDto {
  @ApiProperty({ example: 'xat_2YotnFZFEjr1zCsicMWpAA…', description: 'Opaque; send as Authorization: Bearer' }) access_token: string;
  @ApiProperty({ example: 'bearer', enum: ['bearer'] }) token_type: 'bearer';
  @ApiProperty({ example: 3600, description: 'Lifetime in seconds' }) expires_in: number;
}

export class OAuthErrorDto {
  @ApiProperty({ example: 'invalid_client', enum: ['invalid_request', 'invalid_client', 'unsupported_grant_type', 'server_error'] }) error: string;
  @ApiProperty({ example: 'client authentication failed' }) error_description: string;
}
