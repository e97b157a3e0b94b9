import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { LearnerFact, LearnerRecord } from '../domain/index.js';
import {
  FACT_COLUMN_TYPES,
  factArrays,
  isoUtc,
  KEY_COLUMN_TYPES,
  KEY_COLUMNS,
  keyArrays,
  keyOfRow,
  RECORD_COLUMN_TYPES,
  recordArrays,
  STATE_COLUMNS,
  toFact,
  unnestOf,
  updatedUtcOnWrite,
  type FactRow,
  type KeyRow,
} from './record-rows.js';

/** Where a read of the staged facts stopped: key, EventId, FactIndex of the last fact read. */
export type StagedPosition = [string, string, string, string, string, number];

const KEY_LIST = KEY_COLUMNS.join(', ');
const ORDER = `${KEY_LIST}, event_id, fact_index`;
const STATE_LIST = STATE_COLUMNS.map(([c]) => c).join(', ');
const distinct = (columns: readonly string[], left: string, right: string) =>
  `(${columns.map((c) => `${left}.${c}`).join(', ')}) IS DISTINCT FROM (${columns.map((c) => `${right}.${c}`).join(', ')})`;
const inScope = (alias: string) => `($1::varchar[] IS NULL OR ${alias}.program_id = ANY($1::varchar[]))`;

/**
 * The SQL of a rebuild, all inside one transaction that has locked learner_records and learner_facts against the
 * workers: the facts of the whole log are staged in a temporary table, folded key by key, and then replace the
 * stored facts; records are upserted in place (ids, the API's paging order, survive) and unchanged rows are not
 * touched, so their UpdatedUtc stays.
 */
@Injectable()
export class RebuildStagingRepository {
  /**
   * EXCLUSIVE: workers (which take ROW SHARE / ROW EXCLUSIVE) wait until the rebuild commits; API reads go on.
   * Workers whose writes are under way are waited for, so their events are in the log the rebuild reads.
   */
  async lockAndStage(manager: EntityManager): Promise<void> {
    await manager.query('LOCK TABLE learner_records, learner_facts IN EXCLUSIVE MODE');
    await manager.query(`CREATE TEMPORARY TABLE rebuild_facts (
      program_id varchar COLLATE "C", participant_id varchar COLLATE "C", learning_object_id varchar COLLATE "C",
      system_id varchar COLLATE "C", event_id varchar COLLATE "C", fact_index smallint, action jsonb, source_status text,
      source_utc timestamptz
    ) ON COMMIT DROP`);
  }

  async stage(facts: readonly LearnerFact[], manager: EntityManager): Promise<void> {
    if (facts.length === 0) return;
    await manager.query(
      `INSERT INTO rebuild_facts (${KEY_LIST}, event_id, fact_index, action, source_status, source_utc)
       SELECT ${KEY_COLUMNS.map((c) => `t.${c}`).join(', ')}, t.event_id, t.fact_index, t.action, t.source_status, t.source_utc
         FROM ${unnestOf([...KEY_COLUMN_TYPES, ...FACT_COLUMN_TYPES], 1)}`,
      [...keyArrays(facts), ...factArrays(facts)],
    );
  }

  async indexStaged(manager: EntityManager): Promise<void> {
    await manager.query(`CREATE INDEX ON rebuild_facts (${ORDER})`);
    await manager.query('ANALYZE rebuild_facts');
  }

  /** Staged facts in key order, `limit` at a time, so the facts of one key come together. */
  async readStaged(after: StagedPosition | null, limit: number, manager: EntityManager): Promise<{ facts: LearnerFact[]; next: StagedPosition | null }> {
    const rows: (FactRow & KeyRow)[] = await manager.query(
      `SELECT ${KEY_LIST}, event_id, fact_index, action, source_status, ${isoUtc('source_utc')} AS source_utc FROM rebuild_facts
        WHERE $1::boolean OR (${ORDER}) > ($2, $3, $4, $5, $6, $7::smallint)
        ORDER BY ${ORDER} LIMIT $8`,
      [after === null, ...(after ?? ['', '', '', '', '', 0]), limit],
    );
    const last = rows.at(-1);
    return {
      facts: rows.map((row) => toFact(row, keyOfRow(row))),
      next: last ? [last.program_id, last.participant_id, last.learning_object_id, last.system_id, last.event_id, last.fact_index] : after,
    };
  }

  /** Inserts or updates records in place; returns how many were inserted or changed. */
  async upsertRecords(records: readonly LearnerRecord[], manager: EntityManager): Promise<number> {
    if (records.length === 0) return 0;
    const [row] = await manager.query(
      `WITH written AS (
         INSERT INTO learner_records AS r (${KEY_LIST}, ${STATE_LIST}, version)
         SELECT ${KEY_COLUMNS.map((c) => `t.${c}`).join(', ')}, ${STATE_COLUMNS.map(([c]) => `t.${c}`).join(', ')}, 1
           FROM ${unnestOf(RECORD_COLUMN_TYPES, 1)}
         ON CONFLICT (${KEY_LIST}) DO UPDATE
            SET ${STATE_COLUMNS.map(([c]) => `${c} = excluded.${c}`).join(', ')}, version = r.version + 1,
                updated_utc = ${updatedUtcOnWrite('excluded')}
          WHERE ${distinct(STATE_COLUMNS.map(([c]) => c), 'r', 'excluded')}
         RETURNING 1)
       SELECT count(*)::int AS n FROM written`,
      recordArrays(records, records.map(() => 1)),
    );
    return (row as { n: number }).n;
  }

  /**
   * Replaces the stored facts of the scope with the staged ones and deletes records that no fact produces any more
   * (possible only when the mapping changed). Returns the facts stored and the records removed.
   */
  async replaceFacts(programIds: readonly string[] | null, manager: EntityManager): Promise<{ facts: number; removed: number }> {
    if (programIds === null) await manager.query('DELETE FROM learner_facts');
    else await manager.query(`DELETE FROM learner_facts f USING learner_records r WHERE f.record_id = r.id AND ${inScope('r')}`, [programIds]);
    const [inserted] = await manager.query(
      `WITH written AS (
         INSERT INTO learner_facts (event_id, fact_index, record_id, action, source_status, source_utc)
         SELECT s.event_id, s.fact_index, r.id, s.action, s.source_status, s.source_utc
           FROM rebuild_facts s JOIN learner_records r ON ${KEY_COLUMNS.map((c) => `r.${c} = s.${c}`).join(' AND ')}
         RETURNING 1)
       SELECT count(*)::int AS n FROM written`,
    );
    const [removed] = await manager.query(
      `WITH gone AS (
         DELETE FROM learner_records r
          WHERE ${inScope('r')} AND NOT EXISTS (SELECT 1 FROM learner_facts f WHERE f.record_id = r.id)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [programIds],
    );
    return { facts: (inserted as { n: number }).n, removed: (removed as { n: number }).n };
  }
}
