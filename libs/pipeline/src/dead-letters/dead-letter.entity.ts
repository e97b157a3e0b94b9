import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

export const DEAD_LETTER_STATUSES = ['open', 'replayed', 'discarded'] as const;
export type DeadLetterStatus = (typeof DEAD_LETTER_STATUSES)[number];

/** A payload an authenticated sender sent that could not be processed: kept with its raw bytes until replayed or discarded. */
@Entity('dead_letters')
@Index('dead_letters_status_seen', ['status', 'lastSeenUtc'])
export class DeadLetterEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Column({ type: 'varchar', length: 25 })
  source: string;

  @Column({ name: 'program_id', type: 'varchar', length: 25, nullable: true })
  programId: string | null;

  /** SHA-256 over source, program and bytes: the same payload failing again updates one row. */
  @Index('dead_letters_fingerprint', { unique: true })
  @Column({ type: 'varchar', length: 64 })
  fingerprint: string;

  @Column({ type: 'bytea' })
  payload: Buffer;

  @Column({ name: 'content_type', type: 'varchar', length: 200, nullable: true })
  contentType: string | null;

  @Column({ type: 'text' })
  reason: string;

  @Column({ type: 'integer', default: 1 })
  attempts: number;

  @Column({ type: 'varchar', length: 16, default: 'open' })
  status: DeadLetterStatus;

  /** Source-specific facts needed to replay (webhook id, imc topic, ...). */
  @Column({ type: 'jsonb', nullable: true })
  context: Record<string, string> | null;

  @Column({ name: 'first_seen_utc', type: 'timestamptz', default: () => 'now()' })
  firstSeenUtc: Date;

  @Column({ name: 'last_seen_utc', type: 'timestamptz', default: () => 'now()' })
  lastSeenUtc: Date;

  @Column({ name: 'resolved_utc', type: 'timestamptz', nullable: true })
  resolvedUtc: Date | null;
}
