import { Column, Entity, Index, PrimaryColumn, PrimaryGeneratedColumn } from 'typeorm';

/** Longest participant and learning object ids a record can hold; facts with longer ids are not projected. */
export const RECORD_ID_LIMITS = { participant: 200, learningObject: 500 } as const;

/**
 * One learner record (see docs/learner-records.md). Writes go through LearnerRecordRepository's bulk SQL; the
 * entity exists so TypeORM knows the schema (the migration drift check compares it with the migrations).
 * Only immutable columns are indexed and pages keep 20 % free (fillfactor 80, set by the migration), so updating a
 * record's state can stay a HOT update. Key columns are COLLATE "C": compared byte by byte.
 */
@Entity('learner_records')
@Index('learner_records_key', ['programId', 'participantId', 'learningObjectId', 'systemId'], { unique: true })
@Index('learner_records_learning_object_page', ['learningObjectId', 'id'])
@Index('learner_records_participant_page', ['programId', 'participantId', 'id'])
export class LearnerRecordEntity {
  /**
   * Creation order; never changes, so it is the stable order the API pages by. The primary key is (program_id, id):
   * every read is scoped to programs, and one index fewer to write.
   */
  @PrimaryGeneratedColumn('increment', { type: 'bigint' })
  id: string;

  @Column({ name: 'system_id', type: 'varchar', length: 25, collation: 'C' })
  systemId: string;

  @PrimaryColumn({ name: 'program_id', type: 'varchar', length: 25, collation: 'C' })
  programId: string;

  @Column({ name: 'participant_id', type: 'varchar', length: RECORD_ID_LIMITS.participant, collation: 'C' })
  participantId: string;

  @Column({ name: 'learning_object_id', type: 'varchar', length: RECORD_ID_LIMITS.learningObject, collation: 'C' })
  learningObjectId: string;

  /** Null while no status-bearing fact has been applied (a due date alone, or only unmapped source statuses). */
  @Column({ type: 'varchar', length: 16, nullable: true })
  status: string | null;

  @Column({ name: 'source_status', type: 'text', nullable: true })
  sourceStatus: string | null;

  @Column({ name: 'progress_percent', type: 'double precision', nullable: true })
  progressPercent: number | null;

  @Column({ type: 'boolean', nullable: true })
  passed: boolean | null;

  @Column({ name: 'enrolled_utc', type: 'timestamptz', nullable: true })
  enrolledUtc: Date | null;

  @Column({ name: 'started_utc', type: 'timestamptz', nullable: true })
  startedUtc: Date | null;

  @Column({ name: 'completed_utc', type: 'timestamptz', nullable: true })
  completedUtc: Date | null;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ name: 'last_event_id', type: 'varchar', length: 64 })
  lastEventId: string;

  @Column({ name: 'last_event_utc', type: 'timestamptz' })
  lastEventUtc: Date;

  /**
   * The sort key of the greatest fact folded so far, as JSON (bookkeeping for the incremental fast path; not in the
   * API). Text, not jsonb: it is only ever read back whole, and jsonb input would cost the worker for nothing.
   */
  @Column({ name: 'high_water_mark', type: 'text' })
  highWaterMark: string;

  /** Bumped by every write: a worker that read version n writes only if the row is still at n (optimistic locking). */
  @Column({ type: 'integer' })
  version: number;

  /** Wall clock of the last visible change. */
  @Column({ name: 'updated_utc', type: 'timestamptz', default: () => 'now()' })
  updatedUtc: Date;
}
