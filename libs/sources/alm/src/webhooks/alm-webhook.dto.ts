import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches, ValidateNested } from 'class-validator';
import { ALM_SIGNATURE_ALGORITHMS, ALM_SIGNATURE_ENCODINGS, type AlmSignatureAlgorithm, type AlmSignatureEncoding, type AlmSignatureMode } from '../security/alm-signature.js';
import { ALM_WEBHOOK_AUTH_TYPES, type AlmWebhookAuthType } from './alm-webhook.entity.js';

/** An HTTP header name (RFC 9110 token). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * How deliveries authenticate. One shape for the three types; which fields a type needs (and allows) is checked
 * by the service, which names the field: `none`; `basic` with `username` and `password`; `signature` with
 * `secret` and optional `mode` (`hmac` over the raw body, or `token`: the header carries the secret itself),
 * `header`, `algorithm`, `encoding`.
 */
export class AlmWebhookAuthDto {
  @ApiProperty({ enum: ALM_WEBHOOK_AUTH_TYPES, example: 'signature' })
  @IsIn(ALM_WEBHOOK_AUTH_TYPES)
  type: AlmWebhookAuthType;

  @ApiPropertyOptional({ example: 'alm', description: 'basic: the username ALM sends (no colon)' })
  @IsOptional() @IsString() @Length(1, 200) @Matches(/^[^:]*$/, { message: 'username must not contain a colon (RFC 7617)' })
  username?: string;

  @ApiPropertyOptional({ example: 'correct horse battery staple', description: 'basic: stored as a scrypt hash, never returned' })
  @IsOptional() @IsString() @Length(1, 1024)
  password?: string;

  @ApiPropertyOptional({ enum: ['hmac', 'token'], default: 'hmac', description: 'signature: HMAC over the exact raw body, or a static token sent in the header' })
  @IsOptional() @IsIn(['hmac', 'token'])
  mode?: AlmSignatureMode;

  @ApiPropertyOptional({ example: 'the signature secret downloaded from ALM', description: 'signature: stored encrypted, never returned' })
  @IsOptional() @IsString() @Length(1, 1024)
  secret?: string;

  @ApiPropertyOptional({ example: 'x-alm-signature', default: 'x-alm-signature', description: 'signature: the header that carries the signature or token' })
  @IsOptional() @IsString() @Length(1, 100) @Matches(HEADER_NAME, { message: 'header must be an HTTP header name' })
  header?: string;

  @ApiPropertyOptional({ enum: ALM_SIGNATURE_ALGORITHMS, default: 'sha256', description: 'signature (hmac): the HMAC hash; a `sha256=` style prefix on the value is accepted' })
  @IsOptional() @IsIn(ALM_SIGNATURE_ALGORITHMS)
  algorithm?: AlmSignatureAlgorithm;

  @ApiPropertyOptional({ enum: ALM_SIGNATURE_ENCODINGS, default: 'hex', description: 'signature (hmac): hex, or base64 (standard or URL-safe, padding optional)' })
  @IsOptional() @IsIn(ALM_SIGNATURE_ENCODINGS)
  encoding?: AlmSignatureEncoding;
}

export class CreateAlmWebhookDto {
  @ApiProperty({ example: 'ALM production account' })
  @IsString() @Length(1, 200)
  name: string;

  @ApiProperty({ example: 'NURSING', description: 'The program the deliveries’ events belong to' })
  @IsString() @Length(1, 25)
  programId: string;

  @ApiPropertyOptional({ default: true, description: 'A disabled webhook answers 404, as an unknown one' })
  @IsOptional() @IsBoolean()
  enabled?: boolean;

  @ApiProperty({ type: AlmWebhookAuthDto })
  @ValidateNested() @Type(() => AlmWebhookAuthDto)
  auth: AlmWebhookAuthDto;
}

/**
 * A partial update. `auth` of the webhook's current type changes only the fields given (rotate the secret or
 * password, lock the header/algorithm/encoding, keep the secret); `auth` of another type replaces the method and
 * needs its required fields.
 */
export class UpdateAlmWebhookDto {
  @ApiPropertyOptional({ example: 'ALM production account' })
  @IsOptional() @IsString() @Length(1, 200)
  name?: string;

  @ApiPropertyOptional({ example: 'NURSING' })
  @IsOptional() @IsString() @Length(1, 25)
  programId?: string;

  @ApiPropertyOptional({ example: false })
  @IsOptional() @IsBoolean()
  enabled?: boolean;

  @ApiPropertyOptional({ type: AlmWebhookAuthDto })
  @IsOptional() @ValidateNested() @Type(() => AlmWebhookAuthDto)
  auth?: AlmWebhookAuthDto;
}

/** A webhook's authentication as the admin API shows it: settings, never the password or secret. */
export class AlmWebhookAuthViewDto {
  @ApiProperty({ enum: ALM_WEBHOOK_AUTH_TYPES, example: 'signature' }) type: AlmWebhookAuthType;
  @ApiPropertyOptional({ example: 'alm' }) username?: string;
  @ApiPropertyOptional({ example: true, description: 'basic: a password hash is stored' }) passwordSet?: boolean;
  @ApiPropertyOptional({ enum: ['hmac', 'token'], example: 'hmac' }) mode?: AlmSignatureMode;
  @ApiPropertyOptional({ example: 'x-alm-signature' }) header?: string;
  @ApiPropertyOptional({ enum: ALM_SIGNATURE_ALGORITHMS, example: 'sha256' }) algorithm?: AlmSignatureAlgorithm;
  @ApiPropertyOptional({ enum: ALM_SIGNATURE_ENCODINGS, example: 'hex' }) encoding?: AlmSignatureEncoding;
  @ApiPropertyOptional({ example: true, description: 'signature: an encrypted secret is stored' }) secretSet?: boolean;
}

export class AlmWebhookDto {
  @ApiProperty({ example: '0b7e4c1a-3f2d-4e5b-9a8c-7d6e5f4a3b2c' }) id: string;
  @ApiProperty({ example: 'ALM production account' }) name: string;
  @ApiProperty({ example: 'NURSING' }) programId: string;
  @ApiProperty({ example: true }) enabled: boolean;
  @ApiProperty({ example: '/webhooks/alm/0b7e4c1a-3f2d-4e5b-9a8c-7d6e5f4a3b2c', description: 'Where ALM posts' }) path: string;
  @ApiProperty({ example: 'https://hub.example.com/webhooks/alm/0b7e4c1a-3f2d-4e5b-9a8c-7d6e5f4a3b2c', description: 'The target URL to register in ALM (PUBLIC_URL, else this request’s host)' }) url: string;
  @ApiProperty({ type: AlmWebhookAuthViewDto }) auth: AlmWebhookAuthViewDto;
  @ApiProperty() createdUtc: Date;
  @ApiProperty() updatedUtc: Date;
}

export class ListAlmWebhooksQuery {
  @ApiPropertyOptional({ example: 'NURSING' }) @IsOptional() @IsString() @Length(1, 25)
  programId?: string;
}
