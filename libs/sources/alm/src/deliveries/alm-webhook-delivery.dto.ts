import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ALM_DELIVERY_OUTCOMES, type AlmWebhookDeliveryEntity } from './alm-webhook-delivery.entity.js';

export class DeliveryHeaderDto {
  @ApiProperty({ example: 'x-alm-signature' }) name: string;
  @ApiProperty({ example: 'sha256=hex(64)', description: 'Only the shape of the value (kind and length), except for harmless headers such as content-type' }) value: string;
  @ApiProperty({ example: true }) redacted: boolean;
}

export class SignatureSchemeDto {
  @ApiProperty({ enum: ['hmac', 'token'], example: 'hmac' }) mode: string;
  @ApiProperty({ example: 'x-alm-signature' }) header: string;
  @ApiProperty({ example: 'sha256' }) algorithm: string;
  @ApiProperty({ example: 'base64' }) encoding: string;
}

export class AlmWebhookDeliveryDto {
  @ApiProperty({ example: '2024-11-08T03:49:53.120Z' }) receivedUtc: Date;
  @ApiProperty({ example: 401 }) status: number;
  @ApiProperty({ enum: ALM_DELIVERY_OUTCOMES, example: 'unauthorized' }) outcome: string;
  @ApiPropertyOptional({ nullable: true, example: 'signature: missing_header' }) detail: string | null;
  @ApiPropertyOptional({ nullable: true, example: 512 }) sizeBytes: number | null;
  @ApiProperty({ type: DeliveryHeaderDto, isArray: true }) headers: DeliveryHeaderDto[];
  @ApiPropertyOptional({
    type: SignatureSchemeDto,
    isArray: true,
    nullable: true,
    description: 'For a signature webhook’s refused delivery: the settings under which it verifies with the stored secret. Lock them with PATCH auth.',
  })
  verifiesWith: SignatureSchemeDto[] | null;
  @ApiPropertyOptional({ nullable: true, example: 'b6f2c1d0-…' }) correlationId: string | null;
}

export function toDeliveryDto(d: AlmWebhookDeliveryEntity): AlmWebhookDeliveryDto {
  return {
    receivedUtc: d.receivedUtc,
    status: d.status,
    outcome: d.outcome,
    detail: d.detail,
    sizeBytes: d.sizeBytes,
    headers: d.headers,
    verifiesWith: d.verifiesWith,
    correlationId: d.correlationId,
  };
}
