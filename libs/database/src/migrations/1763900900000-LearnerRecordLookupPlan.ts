import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The projector reads a page's records by their whole key (a join with unnest). Planning that join, Postgres only
 * knows each column's statistics: where learning objects are nearly unique (LB activity instances) it probes
 * learner_records_learning_object_page and filters, which is fast; but an ALM course instance has thousands of
 * learners, and then every probe walks all of them (713 ms for 2,000 ALM keys, against 12 ms by learner_records_key).
 * Telling the planner that a learning object is shared by many records (n_distinct: 0.1 % of the rows) makes it use the
 * key index for the join, which is right for every source; a filter by learning object still uses its own index.
 */
export class LearnerRecordLookupPlan1763900900000 implements MigrationInterface {
  name = 'LearnerRecordLookupPlan1763900900000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "learner_records" ALTER COLUMN "learning_object_id" SET (n_distinct = -0.001)`);
    // The override is read by ANALYZE; autovacuum would get there eventually.
    await q.query(`ANALYZE "learner_records"`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "learner_records" ALTER COLUMN "learning_object_id" RESET (n_distinct)`);
  }
}
