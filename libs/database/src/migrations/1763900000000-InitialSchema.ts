import type { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "programs" (
      "program_id" varchar(25) PRIMARY KEY,
      "name" varchar(200) NOT NULL,
      "created_utc" timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE "api_keys" (
      "id" uuid PRIMARY KEY,
      "name" varchar(200) NOT NULL,
      "key_hash" varchar(64) NOT NULL,
      "key_prefix" varchar(16) NOT NULL,
      "program_ids" text array NOT NULL,
      "scopes" text array NOT NULL,
      "created_utc" timestamptz NOT NULL DEFAULT now(),
      "revoked_utc" timestamptz,
      "last_used_utc" timestamptz
    )`);
    await q.query(`CREATE UNIQUE INDEX "api_keys_key_hash" ON "api_keys" ("key_hash")`);
    await q.query(`CREATE TABLE "events" (
      "event_id" varchar(64) PRIMARY KEY,
      "program_id" varchar(25) NOT NULL,
      "system_id" varchar(25) NOT NULL,
      "event_type" varchar(50) NOT NULL,
      "publisher_event_id" varchar(200) NOT NULL,
      "participant_id" varchar(200) NOT NULL,
      "category_value" varchar(100),
      "category_label" varchar(200),
      "data" jsonb,
      "start_utc" timestamptz NOT NULL,
      "end_utc" timestamptz,
      "created_utc" timestamptz NOT NULL DEFAULT now(),
      "tx_id" bigint NOT NULL,
      "seq" bigserial NOT NULL
    )`);
    // The feed pages by (tx_id, seq): see EventRepository.findPage for why.
    await q.query(`CREATE UNIQUE INDEX "events_feed" ON "events" ("tx_id", "seq")`);
    await q.query(`CREATE INDEX "events_program_feed" ON "events" ("program_id", "tx_id", "seq")`);
    await q.query(`CREATE INDEX "events_participant_feed" ON "events" ("participant_id", "tx_id", "seq")`);
    await q.query(`CREATE INDEX "events_type_feed" ON "events" ("program_id", "event_type", "tx_id", "seq")`);
    await q.query(`CREATE INDEX "events_program_start" ON "events" ("program_id", "start_utc")`);
    await q.query(`CREATE INDEX "events_publisher_event" ON "events" ("publisher_event_id")`);
    await q.query(`CREATE TABLE "dead_letters" (
      "id" uuid PRIMARY KEY,
      "source" varchar(25) NOT NULL,
      "program_id" varchar(25),
      "fingerprint" varchar(64) NOT NULL,
      "payload" bytea NOT NULL,
      "content_type" varchar(200),
      "reason" text NOT NULL,
      "attempts" integer NOT NULL DEFAULT 1,
      "status" varchar(16) NOT NULL DEFAULT 'open',
      "context" jsonb,
      "first_seen_utc" timestamptz NOT NULL DEFAULT now(),
      "last_seen_utc" timestamptz NOT NULL DEFAULT now(),
      "resolved_utc" timestamptz
    )`);
    await q.query(`CREATE UNIQUE INDEX "dead_letters_fingerprint" ON "dead_letters" ("fingerprint")`);
    await q.query(`CREATE INDEX "dead_letters_status_seen" ON "dead_letters" ("status", "last_seen_utc")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "dead_letters"`);
    await q.query(`DROP TABLE "events"`);
    await q.query(`DROP TABLE "api_keys"`);
    await q.query(`DROP TABLE "programs"`);
  }
}
