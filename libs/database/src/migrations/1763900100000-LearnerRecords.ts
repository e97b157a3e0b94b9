import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Learner records and the facts they are folded from (docs/learner-records.md). */
export class LearnerRecords1763900100000 implements MigrationInterface {
  name = 'LearnerRecords1763900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "learner_records" (
      "id" bigserial PRIMARY KEY,
      "system_id" varchar(25) NOT NULL,
      "program_id" varchar(25) NOT NULL,
      "participant_id" varchar(200) NOT NULL,
      "learning_object_id" varchar(500) NOT NULL,
      "status" varchar(16),
      "source_status" text,
      "progress_percent" double precision,
      "passed" boolean,
      "enrolled_utc" timestamptz,
      "started_utc" timestamptz,
      "completed_utc" timestamptz,
      "due_date" date,
      "last_event_id" varchar(64) NOT NULL,
      "last_event_utc" timestamptz NOT NULL,
      "high_water_mark" jsonb NOT NULL,
      "updated_utc" timestamptz NOT NULL DEFAULT now()
    )`);
    // One record per key; program first, so a program's or a participant's records are a range of it.
    await q.query(`CREATE UNIQUE INDEX "learner_records_key" ON "learner_records" ("program_id", "participant_id", "learning_object_id", "system_id")`);
    // The API pages by id (creation order, never changes); these give the pages of a program and of a learning object.
    await q.query(`CREATE INDEX "learner_records_program_page" ON "learner_records" ("program_id", "id")`);
    await q.query(`CREATE INDEX "learner_records_learning_object_page" ON "learner_records" ("learning_object_id", "id")`);
    await q.query(`CREATE TABLE "learner_facts" (
      "event_id" varchar(64) NOT NULL,
      "fact_index" smallint NOT NULL,
      "record_id" bigint NOT NULL,
      "action" jsonb NOT NULL,
      "source_status" text,
      "source_utc" timestamptz NOT NULL,
      PRIMARY KEY ("event_id", "fact_index")
    )`);
    await q.query(`CREATE INDEX "learner_facts_record" ON "learner_facts" ("record_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "learner_facts"`);
    await q.query(`DROP TABLE "learner_records"`);
  }
}
