import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LearningAction } from '../domain/index.js';

/**
 * Every learner fact taken into a record: the history a late fact is refolded with (the slow path of
 * `incorporate`). Facts of ALM and imc events cannot be found from the events table cheaply (their learning
 * object sits inside PublisherEventData), hence this table. No foreign key to learner_records: both tables are
 * written in bulk by the same transaction and replaced together by a rebuild. The primary key starts with the
 * record, so it also serves the history lookup; (EventId, FactIndex) alone determines the record (facts are a pure
 * function of the event), so it is as unique as (EventId, FactIndex) with one index less to write.
 */
@Entity('learner_facts')
export class LearnerFactEntity {
  @PrimaryColumn({ name: 'record_id', type: 'bigint' })
  recordId: string;

  @PrimaryColumn({ name: 'event_id', type: 'varchar', length: 64 })
  eventId: string;

  @PrimaryColumn({ name: 'fact_index', type: 'smallint' })
  factIndex: number;

  @Column({ type: 'jsonb' })
  action: LearningAction;

  @Column({ name: 'source_status', type: 'text', nullable: true })
  sourceStatus: string | null;

  @Column({ name: 'source_utc', type: 'timestamptz' })
  sourceUtc: Date;
}
