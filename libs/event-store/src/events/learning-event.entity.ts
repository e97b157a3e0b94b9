import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The canonical event as stored. Writes go through EventRepository's bulk SQL; the entity exists so TypeORM knows
 * the schema (the migration drift check compares it with the migrations).
 */
@Entity('events')
@Index('events_feed', ['txId', 'seq'], { unique: true })
@Index('events_program_feed', ['programId', 'txId', 'seq'])
@Index('events_program_participant_feed', ['programId', 'participantId', 'txId', 'seq'])
@Index('events_type_feed', ['programId', 'eventType', 'txId', 'seq'])
@Index('events_program_start', ['programId', 'startUtc'])
@Index('events_publisher_event', ['publisherEventId'])
export class LearningEventEntity {
  @PrimaryColumn({ name: 'event_id', type: 'varchar', length: 64 })
  eventId: string;

  @Column({ name: 'program_id', type: 'varchar', length: 25 })
  programId: string;

  @Column({ name: 'system_id', type: 'varchar', length: 25 })
  systemId: string;

  @Column({ name: 'event_type', type: 'varchar', length: 50 })
  eventType: string;

  @Column({ name: 'publisher_event_id', type: 'varchar', length: 200 })
  publisherEventId: string;

  @Column({ name: 'participant_id', type: 'varchar', length: 200 })
  participantId: string;

  @Column({ name: 'category_value', type: 'varchar', length: 100, nullable: true })
  categoryValue: string | null;

  @Column({ name: 'category_label', type: 'varchar', length: 200, nullable: true })
  categoryLabel: string | null;

  @Column({ type: 'jsonb', nullable: true })
  data: unknown;

  @Column({ name: 'start_utc', type: 'timestamptz' })
  startUtc: Date;

  @Column({ name: 'end_utc', type: 'timestamptz', nullable: true })
  endUtc: Date | null;

  @CreateDateColumn({ name: 'created_utc', type: 'timestamptz' })
  createdUtc: Date;

  /** Id of the transaction that wrote the row (pg_current_xact_id); see EventRepository.findPage. */
  @Column({ name: 'tx_id', type: 'bigint' })
  txId: string;

  @Column({ type: 'bigint', generated: 'increment' })
  seq: string;
}
