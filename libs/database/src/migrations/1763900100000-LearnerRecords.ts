import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Learner records and the facts they are folded from (docs/learner-records.md). */
export class LearnerRecords1763900100000 implements MigrationInterface {
  name = 'LearnerRecords1763900100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "learner_records" (
      "id" bigserial NOT NULL,
      "system_id" varchar(25) COLLATE "C" NOT NULL,
      "program_id" varchar(25) COLLATE "C" NOT NULL,
      "participant_id" varchar(200) COLLATE "C" NOT NULL,
      "learning_object_id" varchar(500) COLLATE "C" NOT NULL,
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
      "high_water_mark" text NOT NULL,
      "version" integer NOT NULL,
      "updated_utc" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("program_id", "id")
    ) WITH (fillfactor = 80)`);
    // Key columns are COLLATE "C": ids are compared byte by byte (the worker looks up and locks a batch's records by
    // key, and a linguistic collation makes that several times slower). fillfactor leaves room on each page, so an
    // update (no indexed column ever changes) stays a HOT update that writes no index entry.
    // One record per key; program first, so a program's or a participant's records are a range of it.
    await q.query(`CREATE UNIQUE INDEX "learner_records_key" ON "learner_records" ("program_id", "participant_id", "learning_object_id", "system_id")`);
    // The API pages by id (creation order, never changes): the primary key (program_id, id) gives a program's pages,
    // this index a learning object's.
    await q.query(`CREATE INDEX "learner_records_learning_object_page" ON "learner_records" ("learning_object_id", "id")`);
    // One index: record_id first serves the history lookup; (EventId, FactIndex) determines record_id (facts are a
    // pure function of the event), so the key is as unique as (EventId, FactIndex) alone.
    await q.query(`CREATE TABLE "learner_facts" (
      "record_id" bigint NOT NULL,
      "event_id" varchar(64) NOT NULL,
      "fact_index" smallint NOT NULL,
      "action" jsonb NOT NULL,
      "source_status" text,
      "source_utc" timestamptz NOT NULL,
      PRIMARY KEY ("record_id", "event_id", "fact_index")
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "learner_facts"`);
    await q.query(`DROP TABLE "learner_records"`);
  }
}
