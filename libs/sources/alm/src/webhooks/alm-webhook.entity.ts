import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const ALM_WEBHOOK_AUTH_TYPES = ['none', 'basic', 'signature'] as const;
export type AlmWebhookAuthType = (typeof ALM_WEBHOOK_AUTH_TYPES)[number];

/**
 * One listener URL registered in ALM (`POST /webhooks/alm/:id`), with the program its events belong to and how
 * its deliveries authenticate. A Basic password is kept as a scrypt hash; a signing secret must be usable to
 * verify, so it is kept AES-256-GCM encrypted under HUB_SECRET_KEY, bound to this webhook's id.
 */
@Entity('alm_webhooks')
@Index('alm_webhooks_program', ['programId'])
export class AlmWebhookEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ name: 'program_id', type: 'varchar', length: 25 })
  programId: string;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ name: 'auth_type', type: 'varchar', length: 16 })
  authType: AlmWebhookAuthType;

  @Column({ name: 'basic_username', type: 'varchar', length: 200, nullable: true })
  basicUsername: string | null;

  /** `scrypt$N$r$p$salt$hash` from `hashPassword`. */
  @Column({ name: 'basic_password_hash', type: 'varchar', length: 200, nullable: true })
  basicPasswordHash: string | null;

  /** `hmac` (over the raw body) or `token` (the header carries the secret itself). */
  @Column({ name: 'signature_mode', type: 'varchar', length: 8, nullable: true })
  signatureMode: 'hmac' | 'token' | null;

  @Column({ name: 'signature_header', type: 'varchar', length: 100, nullable: true })
  signatureHeader: string | null;

  @Column({ name: 'signature_algorithm', type: 'varchar', length: 8, nullable: true })
  signatureAlgorithm: 'sha256' | 'sha1' | 'sha512' | null;

  @Column({ name: 'signature_encoding', type: 'varchar', length: 8, nullable: true })
  signatureEncoding: 'hex' | 'base64' | null;

  /** `v1.<iv>.<tag>.<ciphertext>` from `encryptSecret(secret, key, id)`; never the secret in clear. */
  @Column({ name: 'signature_secret', type: 'text', nullable: true })
  signatureSecret: string | null;

  @Column({ name: 'created_utc', type: 'timestamptz', default: () => 'now()' })
  createdUtc: Date;

  @Column({ name: 'updated_utc', type: 'timestamptz', default: () => 'now()' })
  updatedUtc: Date;
}
