import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AlmWebhookDeliveryEntity } from './alm-webhook-delivery.entity.js';

/** How many deliveries each webhook keeps. */
export const DELIVERIES_KEPT = 20;

export type NewAlmWebhookDelivery = Pick<AlmWebhookDeliveryEntity, 'webhookId' | 'status' | 'outcome' | 'detail' | 'sizeBytes' | 'headers' | 'verifiesWith' | 'correlationId'>;

@Injectable()
export class AlmWebhookDeliveryRepository {
  constructor(@InjectRepository(AlmWebhookDeliveryEntity) private readonly deliveries: Repository<AlmWebhookDeliveryEntity>) {}

  /** Records one delivery and drops the webhook's older ones beyond the last DELIVERIES_KEPT, in one statement. */
  async record(d: NewAlmWebhookDelivery): Promise<void> {
    await this.deliveries.query(
      `WITH inserted AS (
         INSERT INTO alm_webhook_deliveries (webhook_id, status, outcome, detail, size_bytes, headers, verifies_with, correlation_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       )
       DELETE FROM alm_webhook_deliveries WHERE id IN (
         SELECT id FROM alm_webhook_deliveries WHERE webhook_id = $1 ORDER BY id DESC OFFSET ${DELIVERIES_KEPT - 1}
       )`,
      [d.webhookId, d.status, d.outcome, d.detail, d.sizeBytes, JSON.stringify(d.headers), d.verifiesWith ? JSON.stringify(d.verifiesWith) : null, d.correlationId],
    );
  }

  /** Newest first. */
  findLatest(webhookId: string): Promise<AlmWebhookDeliveryEntity[]> {
    return this.deliveries.find({ where: { webhookId }, order: { id: 'DESC' }, take: DELIVERIES_KEPT });
  }
}
