import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * One course of the imc catalogue (`GET /api/v1/imc/courses`), per program: the latest course change by source time.
 * Free-form imc strings are text, so no course change can fail its event's write for a long title or id.
 */
@Entity('imc_courses')
@Index('imc_courses_external_id', ['programId', 'externalId'])
export class ImcCourseEntity {
  @PrimaryColumn({ name: 'program_id', type: 'varchar', length: 25 })
  programId: string;

  /** imc `object-id`, the version-independent course id (the LearningObjectId of learner records). */
  @PrimaryColumn({ name: 'course_id', type: 'text' })
  courseId: string;

  @Column({ name: 'external_id', type: 'text', nullable: true })
  externalId: string | null;

  @Column({ name: 'component_id', type: 'text', nullable: true })
  componentId: string | null;

  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @Column({ name: 'syllabus_link', type: 'text', nullable: true })
  syllabusLink: string | null;

  @Column({ name: 'learning_form', type: 'text', nullable: true })
  learningForm: string | null;

  @Column({ name: 'duration_of_use', type: 'text', nullable: true })
  durationOfUse: string | null;

  @Column({ name: 'start_date_utc', type: 'timestamptz', nullable: true })
  startDateUtc: Date | null;

  @Column({ name: 'end_date_utc', type: 'timestamptz', nullable: true })
  endDateUtc: Date | null;

  @Column({ name: 'last_updated_utc', type: 'timestamptz', nullable: true })
  lastUpdatedUtc: Date | null;

  @Column({ name: 'last_updater_external_id', type: 'text', nullable: true })
  lastUpdaterExternalId: string | null;

  @Column({ name: 'last_updater_person_id', type: 'text', nullable: true })
  lastUpdaterPersonId: string | null;

  @Column({ type: 'jsonb', nullable: true })
  metadata: unknown;

  @Column({ type: 'jsonb', nullable: true })
  contents: unknown;

  @Column({ name: 'catalog_assignment', type: 'jsonb', nullable: true })
  catalogAssignment: unknown;

  /** The message timestamp of the course change this row is from: the last-writer-wins order. */
  @Column({ name: 'source_time', type: 'timestamptz' })
  sourceTime: Date;

  /** The stored COURSE_CHANGED event this row is from. */
  @Column({ name: 'last_event_id', type: 'varchar', length: 64 })
  lastEventId: string;

  @Column({ name: 'created_utc', type: 'timestamptz', default: () => 'now()' })
  createdUtc: Date;

  @Column({ name: 'updated_utc', type: 'timestamptz', default: () => 'now()' })
  updatedUtc: Date;
}
