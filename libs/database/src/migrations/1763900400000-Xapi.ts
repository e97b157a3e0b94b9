import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The imc xAPI partner endpoint: OAuth clients and tokens, and the LRS (statements, attachments, documents). */
export class Xapi1763900400000 implements MigrationInterface {
  name = 'Xapi1763900400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "xapi_clients" (
      "client_id" varchar(64) PRIMARY KEY,
      "name" varchar(200) NOT NULL,
      "program_id" varchar(25) NOT NULL,
      "igs_client_id" varchar(200),
      "secret_hash" varchar(64) NOT NULL,
      "created_utc" timestamptz NOT NULL DEFAULT now(),
      "secret_rotated_utc" timestamptz,
      "revoked_utc" timestamptz
    )`);
    await q.query(`CREATE INDEX "xapi_clients_program" ON "xapi_clients" ("program_id")`);
    await q.query(`CREATE TABLE "xapi_tokens" (
      "token_hash" varchar(64) PRIMARY KEY,
      "client_id" varchar(64) NOT NULL,
      "created_utc" timestamptz NOT NULL DEFAULT now(),
      "expires_utc" timestamptz NOT NULL
    )`);
    await q.query(`CREATE INDEX "xapi_tokens_client" ON "xapi_tokens" ("client_id")`);
    await q.query(`CREATE TABLE "xapi_statements" (
      "program_id" varchar(25) NOT NULL,
      "statement_id" uuid NOT NULL,
      "client_id" varchar(64) NOT NULL,
      "statement" text NOT NULL,
      "match_terms" text array NOT NULL,
      "target_statement_id" uuid,
      "voided_statement_id" uuid,
      "voided" boolean NOT NULL DEFAULT false,
      "stored_utc" timestamptz NOT NULL,
      "seq" bigserial NOT NULL,
      PRIMARY KEY ("program_id", "statement_id")
    )`);
    // GET /statements pages by (stored, seq) within a program; the filters match through one GIN index of terms.
    await q.query(`CREATE INDEX "xapi_statements_stored" ON "xapi_statements" ("program_id", "stored_utc", "seq")`);
    await q.query(`CREATE INDEX "xapi_statements_terms" ON "xapi_statements" USING gin ("match_terms")`);
    await q.query(
      `CREATE INDEX "xapi_statements_target" ON "xapi_statements" ("program_id", "target_statement_id") WHERE "target_statement_id" IS NOT NULL`,
    );
    await q.query(
      `CREATE INDEX "xapi_statements_voiding" ON "xapi_statements" ("program_id", "voided_statement_id") WHERE "voided_statement_id" IS NOT NULL`,
    );
    await q.query(`CREATE TABLE "xapi_attachments" (
      "program_id" varchar(25) NOT NULL,
      "sha2" varchar(128) NOT NULL,
      "content_type" varchar(255) NOT NULL,
      "content" bytea NOT NULL,
      "created_utc" timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY ("program_id", "sha2")
    )`);
    await q.query(`CREATE TABLE "xapi_documents" (
      "program_id" varchar(25) NOT NULL,
      "kind" varchar(16) NOT NULL,
      "activity_id" text NOT NULL,
      "agent_key" text NOT NULL,
      "registration" varchar(36) NOT NULL,
      "document_id" text NOT NULL,
      "content_type" varchar(255) NOT NULL,
      "content" bytea NOT NULL,
      "etag" varchar(40) NOT NULL,
      "updated_utc" timestamptz NOT NULL,
      PRIMARY KEY ("program_id", "kind", "activity_id", "agent_key", "registration", "document_id")
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "xapi_documents"`);
    await q.query(`DROP TABLE "xapi_attachments"`);
    await q.query(`DROP TABLE "xapi_statements"`);
    await q.query(`DROP TABLE "xapi_tokens"`);
    await q.query(`DROP TABLE "xapi_clients"`);
  }
}
