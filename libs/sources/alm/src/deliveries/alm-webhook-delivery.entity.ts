import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import type { DeliveryHeaderSummary } from '../security/delivery-header-summary.js';
import type { DetectedAlmSignatureScheme } from '../security/detect-signature-scheme.js';
import { AlmWebhookEntity } from '../webhooks/alm-webhook.entity.js';

export const ALM_DELIVERY_OUTCOMES = ['accepted', 'unauthorized', 'bad_request', 'too_large', 'unavailable', 'other'] as const;
export type AlmDeliveryOutcome = (typeof ALM_DELIVERY_OUTCOMES)[number];

/**
 * What arrived at a webhook, for its last-20 view: header names with redacted values, size, time and outcome.
 * ALM does not publish its signature scheme, so this is how an operator sees what the real ALM sends. Never the
 * body, never a header value that could carry a secret.
 */
@Entity('alm_webhook_deliveries')
@Index('alm_webhook_deliveries_webhook', ['webhookId', 'id'])
export class AlmWebhookDeliveryEntity {
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'webhook_id', type: 'uuid' })
  webhookId: string;

  @ManyToOne(() => AlmWebhookEntity, { onDelete: 'CASCADE', nullable: false })
  @JoinColumn({ name: 'webhook_id', foreignKeyConstraintName: 'alm_webhook_deliveries_webhook_fk' })
  webhook?: AlmWebhookEntity;

  @Column({ name: 'received_utc', type: 'timestamptz', default: () => 'now()' })
  receivedUtc: Date;

  @Column({ type: 'integer' })
  status: number;

  @Column({ type: 'varchar', length: 16 })
  outcome: AlmDeliveryOutcome;

  /** Why it was refused (`missing_header`, `mismatch`, `not_json: …`) or what was accepted (`3 events`). */
  @Column({ type: 'varchar', length: 500, nullable: true })
  detail: string | null;

  /** Body bytes: as read, else as announced by Content-Length (a 413 is answered before reading). */
  @Column({ name: 'size_bytes', type: 'integer', nullable: true })
  sizeBytes: number | null;

  @Column({ type: 'jsonb' })
  headers: DeliveryHeaderSummary[];

  /** For a signature webhook's 401: the header/algorithm/encoding under which the delivery would have verified. */
  @Column({ name: 'verifies_with', type: 'jsonb', nullable: true })
  verifiesWith: DetectedAlmSignatureScheme[] | null;

  @Column({ name: 'correlation_id', type: 'varchar', length: 100, nullable: true })
  correlationId: string | null;
}
