import type { MigrationInterface, QueryRunner } from 'typeorm';

/** ALM webhooks, the last deliveries of each, and the small catalogue (learning objects, instances, seats). */
export class AlmWebhooks1763900200000 implements MigrationInterface {
  name = 'AlmWebhooks1763900200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "alm_webhooks" (
      "id" uuid PRIMARY KEY,
      "name" varchar(200) NOT NULL,
      "program_id" varchar(25) NOT NULL,
      "enabled" boolean NOT NULL DEFAULT true,
      "auth_type" varchar(16) NOT NULL,
      "basic_username" varchar(200),
      "basic_password_hash" varchar(200),
      "signature_mode" varchar(8),
      "signature_header" varchar(100),
      "signature_algorithm" varchar(8),
      "signature_encoding" varchar(8),
      "signature_secret" text,
      "created_utc" timestamptz NOT NULL DEFAULT now(),
      "updated_utc" timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX "alm_webhooks_program" ON "alm_webhooks" ("program_id")`);
    await q.query(`CREATE TABLE "alm_webhook_deliveries" (
      "id" bigserial PRIMARY KEY,
      "webhook_id" uuid NOT NULL,
      "received_utc" timestamptz NOT NULL DEFAULT now(),
      "status" integer NOT NULL,
      "outcome" varchar(16) NOT NULL,
      "detail" varchar(500),
      "size_bytes" integer,
      "headers" jsonb NOT NULL,
      "verifies_with" jsonb,
      "correlation_id" varchar(100),
      CONSTRAINT "alm_webhook_deliveries_webhook_fk" FOREIGN KEY ("webhook_id") REFERENCES "alm_webhooks" ("id") ON DELETE CASCADE
    )`);
    await q.query(`CREATE INDEX "alm_webhook_deliveries_webhook" ON "alm_webhook_deliveries" ("webhook_id", "id")`);
    await q.query(`CREATE TABLE "alm_learning_objects" (
      "program_id" varchar(25) NOT NULL,
      "lo_id" varchar(200) NOT NULL,
      "lo_type" varchar(50),
      "account_id" varchar(200),
      "state" varchar(16),
      "state_inferred" boolean NOT NULL DEFAULT false,
      "state_source_utc" timestamptz,
      "state_event_id" varchar(200),
      "state_event_name" varchar(50),
      "updated_utc" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("program_id", "lo_id")
    )`);
    await q.query(`CREATE TABLE "alm_learning_object_instances" (
      "program_id" varchar(25) NOT NULL,
      "lo_instance_id" varchar(200) NOT NULL,
      "lo_id" varchar(200),
      "account_id" varchar(200),
      "state" varchar(16),
      "state_inferred" boolean NOT NULL DEFAULT false,
      "state_source_utc" timestamptz,
      "state_event_id" varchar(200),
      "state_event_name" varchar(50),
      "enrollment_count" integer,
      "waitlist_count" integer,
      "seat_limit" integer,
      "seat_availability" integer,
      "waitlist_limit" integer,
      "waitlist_availability" integer,
      "seats_source_utc" timestamptz,
      "seats_event_id" varchar(200),
      "updated_utc" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("program_id", "lo_instance_id")
    )`);
    await q.query(`CREATE INDEX "alm_learning_object_instances_lo" ON "alm_learning_object_instances" ("program_id", "lo_id")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "alm_learning_object_instances"`);
    await q.query(`DROP TABLE "alm_learning_objects"`);
    await q.query(`DROP TABLE "alm_webhook_deliveries"`);
    await q.query(`DROP TABLE "alm_webhooks"`);
  }
}
