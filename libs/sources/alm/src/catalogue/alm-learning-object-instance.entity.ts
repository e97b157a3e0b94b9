import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import type { InstanceState } from './catalogue-update.types.js';

/**
 * An instance of a learning object: its state (instance events) and its seat figures (CI_STATS). Each has its
 * own last-writer-wins clock, so a late CI_STATS cannot undo a deletion and a late modification cannot roll
 * the seat figures back.
 */
@Entity('alm_learning_object_instances')
@Index('alm_learning_object_instances_lo', ['programId', 'loId'])
export class AlmLearningObjectInstanceEntity {
  @PrimaryColumn({ name: 'program_id', type: 'varchar', length: 25 })
  programId: string;

  @PrimaryColumn({ name: 'lo_instance_id', type: 'varchar', length: 200 })
  loInstanceId: string;

  @Column({ name: 'lo_id', type: 'varchar', length: 200, nullable: true })
  loId: string | null;

  @Column({ name: 'account_id', type: 'varchar', length: 200, nullable: true })
  accountId: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  state: InstanceState | null;

  @Column({ name: 'state_inferred', type: 'boolean', default: false })
  stateInferred: boolean;

  @Column({ name: 'state_source_utc', type: 'timestamptz', nullable: true })
  stateSourceUtc: Date | null;

  @Column({ name: 'state_event_id', type: 'varchar', length: 200, nullable: true })
  stateEventId: string | null;

  @Column({ name: 'state_event_name', type: 'varchar', length: 50, nullable: true })
  stateEventName: string | null;

  @Column({ name: 'enrollment_count', type: 'integer', nullable: true })
  enrollmentCount: number | null;

  @Column({ name: 'waitlist_count', type: 'integer', nullable: true })
  waitlistCount: number | null;

  @Column({ name: 'seat_limit', type: 'integer', nullable: true })
  seatLimit: number | null;

  @Column({ name: 'seat_availability', type: 'integer', nullable: true })
  seatAvailability: number | null;

  @Column({ name: 'waitlist_limit', type: 'integer', nullable: true })
  waitlistLimit: number | null;

  @Column({ name: 'waitlist_availability', type: 'integer', nullable: true })
  waitlistAvailability: number | null;

  /** ALM `timestamp` of the CI_STATS event the figures come from. */
  @Column({ name: 'seats_source_utc', type: 'timestamptz', nullable: true })
  seatsSourceUtc: Date | null;

  @Column({ name: 'seats_event_id', type: 'varchar', length: 200, nullable: true })
  seatsEventId: string | null;

  @Column({ name: 'updated_utc', type: 'timestamptz', default: () => 'now()' })
  updatedUtc: Date;
}
