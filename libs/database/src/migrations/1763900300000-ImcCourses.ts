import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The imc course catalogue, fed by course-change messages (last writer wins by source time). */
export class ImcCourses1763900300000 implements MigrationInterface {
  name = 'ImcCourses1763900300000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "imc_courses" (
      "program_id" varchar(25) NOT NULL,
      "course_id" text NOT NULL,
      "external_id" text,
      "component_id" text,
      "title" text,
      "description" text,
      "syllabus_link" text,
      "learning_form" text,
      "duration_of_use" text,
      "start_date_utc" timestamptz,
      "end_date_utc" timestamptz,
      "last_updated_utc" timestamptz,
      "last_updater_external_id" text,
      "last_updater_person_id" text,
      "metadata" jsonb,
      "contents" jsonb,
      "catalog_assignment" jsonb,
      "source_time" timestamptz NOT NULL,
      "last_event_id" varchar(64) NOT NULL,
      "created_utc" timestamptz NOT NULL DEFAULT now(),
      "updated_utc" timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT "imc_courses_pkey" PRIMARY KEY ("program_id", "course_id")
    )`);
    await q.query(`CREATE INDEX "imc_courses_external_id" ON "imc_courses" ("program_id", "external_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "imc_courses"`);
  }
}
