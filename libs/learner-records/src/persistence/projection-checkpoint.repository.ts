import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { FeedCursor } from '@hub/event-store';

/** The projection learner records are kept by (one row in projection_checkpoints, created by its migration). */
export const LEARNER_RECORDS_PROJECTION = 'learner-records';

/** Counting the events a projection is behind stops here: the figure is for operators and tests, not accounting. */
const BEHIND_COUNT_LIMIT = 100_000;

/** Where a projection stands in the feed, and the lock that lets one worker at a time move it. */
@Injectable()
export class ProjectionCheckpointRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Takes the projection's transaction-scoped advisory lock if no other worker holds it. An advisory lock writes no
   * row, so idle workers polling for it cost the database next to nothing.
   */
  async tryLock(name: string, manager: EntityManager): Promise<boolean> {
    const [row]: { locked: boolean }[] = await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext('projection:' || $1)) AS locked`, [name]);
    return row.locked;
  }

  async read(name: string, manager: EntityManager = this.dataSource.manager): Promise<FeedCursor> {
    const rows: { tx_id: string; seq: string }[] = await manager.query('SELECT tx_id, seq FROM projection_checkpoints WHERE name = $1', [name]);
    if (rows.length === 0) throw new Error(`projection ${name} has no checkpoint row: run the migrations`);
    return { txId: BigInt(rows[0].tx_id), seq: BigInt(rows[0].seq) };
  }

  async save(name: string, cursor: FeedCursor, manager: EntityManager): Promise<void> {
    await manager.query('UPDATE projection_checkpoints SET tx_id = $2, seq = $3, updated_utc = now() WHERE name = $1', [
      name,
      cursor.txId.toString(),
      cursor.seq.toString(),
    ]);
  }

  /** How long ago the oldest event not yet projected was stored, in ms; null when there is none. */
  async oldestUnprojectedAgeMs(name: string): Promise<number | null> {
    const rows: { age_ms: number }[] = await this.dataSource.query(
      `SELECT (extract(epoch FROM now() - e.created_utc) * 1000)::float8 AS age_ms
         FROM events e, projection_checkpoints c
        WHERE c.name = $1 AND (e.tx_id, e.seq) > (c.tx_id, c.seq)
        ORDER BY e.tx_id, e.seq LIMIT 1`,
      [name],
    );
    return rows.length > 0 ? rows[0].age_ms : null;
  }

  /** Stored events after the checkpoint, whether or not the feed's horizon has passed them yet (at most 100,000). */
  async countBehind(name: string): Promise<{ checkpoint: FeedCursor; behind: number }> {
    const checkpoint = await this.read(name);
    const [row]: { n: number }[] = await this.dataSource.query(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM events WHERE (tx_id, seq) > ($1::bigint, $2::bigint) LIMIT ${BEHIND_COUNT_LIMIT}) behind`,
      [checkpoint.txId.toString(), checkpoint.seq.toString()],
    );
    return { checkpoint, behind: row.n };
  }
}
