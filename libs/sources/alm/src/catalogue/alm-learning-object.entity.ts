import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { LearningObjectState } from './catalogue-update.types.js';

/**
 * A learning object as the ALM webhooks of one program describe it (ids only: ALM's public API has the rest).
 * The state follows the last learning-object event by ALM time; a row with a null state is known only as the
 * parent of an instance.
 */
@Entity('alm_learning_objects')
export class AlmLearningObjectEntity {
  @PrimaryColumn({ name: 'program_id', type: 'varchar', length: 25 })
  programId: string;

  /** In ALM's public API spelling (`learningProgram:123`, never `learning_program:123`). */
  @PrimaryColumn({ name: 'lo_id', type: 'varchar', length: 200 })
  loId: string;

  @Column({ name: 'lo_type', type: 'varchar', length: 50, nullable: true })
  loType: string | null;

  @Column({ name: 'account_id', type: 'varchar', length: 200, nullable: true })
  accountId: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  state: LearningObjectState | null;

  @Column({ name: 'state_inferred', type: 'boolean', default: false })
  stateInferred: boolean;

  /** ALM `timestamp` of the event that set the state: the last-writer-wins clock. */
  @Column({ name: 'state_source_utc', type: 'timestamptz', nullable: true })
  stateSourceUtc: Date | null;

  @Column({ name: 'state_event_id', type: 'varchar', length: 200, nullable: true })
  stateEventId: string | null;

  @Column({ name: 'state_event_name', type: 'varchar', length: 50, nullable: true })
  stateEventName: string | null;

  @Column({ name: 'updated_utc', type: 'timestamptz', default: () => 'now()' })
  updatedUtc: Date;
}
