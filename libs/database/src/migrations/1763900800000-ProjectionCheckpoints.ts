import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Learner records follow the event feed instead of being written in the events' transaction. Until now every stored
 * event was projected when it was stored, so the checkpoint starts at the feed's head: nothing is projected twice.
 */
export class ProjectionCheckpoints1763900800000 implements MigrationInterface {
  name = 'ProjectionCheckpoints1763900800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "projection_checkpoints" (
      "name" varchar(64) PRIMARY KEY,
      "tx_id" bigint NOT NULL,
      "seq" bigint NOT NULL,
      "updated_utc" timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`INSERT INTO "projection_checkpoints" ("name", "tx_id", "seq")
      SELECT 'learner-records', coalesce(max("tx_id"), 0), coalesce(max("seq"), 0) FROM "events"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "projection_checkpoints"`);
  }
}
