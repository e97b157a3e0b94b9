import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Dashboard sign-ins: the session cookie's hash, its idle and absolute expiry, and revocation on sign-out. */
export class AdminSessions1763900700000 implements MigrationInterface {
  name = 'AdminSessions1763900700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "admin_sessions" (
      "id" uuid PRIMARY KEY,
      "token_hash" varchar(64) NOT NULL,
      "created_utc" timestamptz NOT NULL DEFAULT now(),
      "last_seen_utc" timestamptz NOT NULL,
      "expires_utc" timestamptz NOT NULL,
      "revoked_utc" timestamptz,
      "user_agent" varchar(300)
    )`);
    await q.query(`CREATE UNIQUE INDEX "admin_sessions_token_hash" ON "admin_sessions" ("token_hash")`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "admin_sessions"`);
  }
}
