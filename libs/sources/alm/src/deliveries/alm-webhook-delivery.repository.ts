import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import { AlmWebhookDeliveryEntity } from './alm-webhook-delivery.entity.js';

/** How many deliveries each webhook keeps. */
export const DELIVERIES_KEPT = 20;

export type NewAlmWebhookDelivery = Pick<
  AlmWebhookDeliveryEntity,
  'webhookId' | 'receivedUtc' | 'status' | 'outcome' | 'detail' | 'sizeBytes' | 'headers' | 'verifiesWith' | 'correlationId'
>;

@Injectable()
export class AlmWebhookDeliveryRepository {
  constructor(@InjectRepository(AlmWebhookDeliveryEntity) private readonly deliveries: Repository<AlmWebhookDeliveryEntity>) {}

  /** Appends one webhook's deliveries (oldest first), then drops its rows beyond the last DELIVERIES_KEPT. */
  async recordMany(webhookId: string, deliveries: readonly NewAlmWebhookDelivery[]): Promise<void> {
    if (deliveries.length === 0) return;
    const values: unknown[] = [];
    const tuples = deliveries.map((d, i) => {
      values.push(webhookId, d.receivedUtc, d.status, d.outcome, d.detail, d.sizeBytes, JSON.stringify(d.headers), d.verifiesWith ? JSON.stringify(d.verifiesWith) : null, d.correlationId);
      return `(${Array.from({ length: 9 }, (_, j) => `$${i * 9 + j + 1}`).join(', ')})`;
    });
    await this.deliveries.query(
      `INSERT INTO alm_webhook_deliveries (webhook_id, received_utc, status, outcome, detail, size_bytes, headers, verifies_with, correlation_id) VALUES ${tuples.join(', ')}`,
      values,
    );
    await this.deliveries.query(
      `DELETE FROM alm_webhook_deliveries WHERE webhook_id = $1 AND id <= (
         SELECT id FROM alm_webhook_deliveries WHERE webhook_id = $1 ORDER BY id DESC OFFSET ${DELIVERIES_KEPT} LIMIT 1
       )`,
      [webhookId],
    );
  }

  /** Newest first. */
  findLatest(webhookId: string): Promise<AlmWebhookDeliveryEntity[]> {
    return this.deliveries.find({ where: { webhookId }, order: { id: 'DESC' }, take: DELIVERIES_KEPT });
  }

  /**
   * Per webhook: the last accepted delivery, and the deliveries refused as unauthorized in the last hour (counted in
   * the kept log, so at most DELIVERIES_KEPT) with the newest of them. Small: the log keeps 20 rows a webhook.
   */
  async summaries(): Promise<Map<string, AlmWebhookDeliverySummary>> {
    const rows: { webhook_id: string; last_accepted: Date | null; auth_failures: number; last_auth_failure: Date | null }[] = await this.deliveries.query(
      `SELECT webhook_id,
              max(received_utc) FILTER (WHERE outcome = 'accepted') AS last_accepted,
              count(*) FILTER (WHERE outcome = 'unauthorized' AND received_utc > now() - interval '1 hour')::int AS auth_failures,
              max(received_utc) FILTER (WHERE outcome = 'unauthorized') AS last_auth_failure
         FROM alm_webhook_deliveries GROUP BY webhook_id`,
    );
    return new Map(rows.map((r) => [r.webhook_id, { lastAcceptedUtc: r.last_accepted, authFailuresLastHour: r.auth_failures, lastAuthFailureUtc: r.last_auth_failure }]));
  }
}

export interface AlmWebhookDeliverySummary {
  lastAcceptedUtc: Date | null;
  authFailuresLastHour: number;
  lastAuthFailureUtc: Date | null;
}
