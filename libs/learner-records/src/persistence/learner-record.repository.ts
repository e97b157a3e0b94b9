import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { recordKeyOf, type LearnerFact, type LearnerRecord, type LearnerRecordKey } from '../domain/index.js';
import {
  FACT_COLUMN_TYPES,
  factArrays,
  isoUtc,
  KEY_COLUMN_TYPES,
  KEY_COLUMNS,
  keyArrays,
  keyOfRow,
  pgArray,
  RECORD_COLUMN_TYPES,
  RECORD_SELECT,
  recordArrays,
  STATE_COLUMNS,
  toFact,
  toStoredRecord,
  unnestOf,
  updatedUtcOnWrite,
  type FactRow,
  type KeyRow,
  type RecordRow,
  type StoredLearnerRecord,
} from './record-rows.js';

export interface RecordWrite {
  id: bigint;
  record: LearnerRecord;
  /** The version the record was read at. */
  readVersion: number;
}

/** Filters of GET /api/v1/learner-records, already scoped to the caller's programs. */
export interface LearnerRecordQuery {
  programIds: readonly string[];
  systemId?: string;
  participantId?: string;
  learningObjectId?: string;
  status?: string;
  /** Continue after this record id (0 = from the start). */
  after: bigint;
  limit: number;
}

export interface LearnerRecordPage {
  records: StoredLearnerRecord[];
  /** The id to continue after: the last record returned, or the same cursor when the page is empty. */
  next: bigint;
}

const KEY_LIST = KEY_COLUMNS.join(', ');
const KEY_MATCH = KEY_COLUMNS.map((c) => `r.${c} = t.${c}`).join(' AND ');
const WRITTEN_COLUMNS = [...KEY_COLUMNS, ...STATE_COLUMNS.map(([c]) => c), 'version'];

/**
 * Learner records and their facts. Every method of the write path takes the EntityManager of the transaction that
 * stores the events, so records never get out of step with the log; each is one statement over the whole batch.
 */
@Injectable()
export class LearnerRecordRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The stored records of `keys`, by record key. With `lock`, rows are locked until the transaction ends, in key
   * order (LockRows runs above the Sort), so workers whose batches share records queue instead of deadlocking.
   */
  async readByKeys(keys: readonly LearnerRecordKey[], lock: boolean, manager: EntityManager): Promise<Map<string, StoredLearnerRecord>> {
    if (keys.length === 0) return new Map();
    const rows: RecordRow[] = await manager.query(
      `SELECT ${RECORD_SELECT}
         FROM learner_records r JOIN ${unnestOf(KEY_COLUMN_TYPES, 1)} ON ${KEY_MATCH}
        ${lock ? `ORDER BY ${KEY_COLUMNS.map((c) => `r.${c}`).join(', ')} FOR UPDATE OF r` : ''}`,
      keyArrays(keys),
    );
    return new Map(rows.map((row) => [recordKeyOf(keyOfRow(row)), toStoredRecord(row)]));
  }

  /** Every stored fact of the given records (the history a late fact is refolded with), by record id. */
  async loadFacts(records: readonly StoredLearnerRecord[], manager: EntityManager): Promise<Map<bigint, LearnerFact[]>> {
    const histories = new Map<bigint, LearnerFact[]>(records.map((r) => [r.id, []]));
    if (records.length === 0) return histories;
    const keys = new Map(records.map((r) => [r.id, r.record]));
    const rows: (FactRow & { record_id: string })[] = await manager.query(
      `SELECT record_id, event_id, fact_index, action, source_status, ${isoUtc('source_utc')} AS source_utc
         FROM learner_facts WHERE record_id = ANY($1::bigint[])`,
      [records.map((r) => r.id.toString())],
    );
    for (const row of rows) {
      const id = BigInt(row.record_id);
      histories.get(id)!.push(toFact(row, keys.get(id)!));
    }
    return histories;
  }

  /**
   * Updates stored records, each only if it is still at the version it was read at; returns the ids written. Rows
   * are locked in the order given (callers sort by key), so concurrent writers queue instead of deadlocking.
   */
  async updateRecords(writes: readonly RecordWrite[], manager: EntityManager): Promise<Set<bigint>> {
    if (writes.length === 0) return new Set();
    // Wrapped in a CTE: TypeORM answers a bare UPDATE with [rows, count] instead of the rows.
    const rows: { id: string }[] = await manager.query(
      `WITH written AS (
         UPDATE learner_records r
            SET ${STATE_COLUMNS.map(([c]) => `${c} = t.${c}`).join(', ')}, version = t.version,
                updated_utc = ${updatedUtcOnWrite('t')}
           FROM ${unnestOf([...RECORD_COLUMN_TYPES, ['id', 'bigint']], 1)}
          WHERE r.program_id = t.program_id AND r.id = t.id AND r.version = t.version - 1
         RETURNING r.id)
       SELECT id FROM written`,
      [...recordArrays(writes.map((w) => w.record), writes.map((w) => w.readVersion + 1)), pgArray(writes.map((w) => String(w.id)))],
    );
    return new Set(rows.map((row) => BigInt(row.id)));
  }

  /**
   * Inserts new records; returns their ids by record key. A key another transaction created meanwhile is skipped
   * (ON CONFLICT DO NOTHING waits for that transaction, so its record can be read once this returns).
   */
  async insertRecords(records: readonly LearnerRecord[], manager: EntityManager): Promise<Map<string, bigint>> {
    if (records.length === 0) return new Map();
    const rows: (KeyRow & { id: string })[] = await manager.query(
      `INSERT INTO learner_records (${WRITTEN_COLUMNS.join(', ')})
       SELECT ${WRITTEN_COLUMNS.map((c) => `t.${c}`).join(', ')} FROM ${unnestOf(RECORD_COLUMN_TYPES, 1)}
       ON CONFLICT (${KEY_LIST}) DO NOTHING
       RETURNING id, ${KEY_LIST}`,
      recordArrays(records, records.map(() => 1)),
    );
    return new Map(rows.map((row) => [recordKeyOf(keyOfRow(row)), BigInt(row.id)]));
  }

  async insertFacts(facts: readonly { fact: LearnerFact; recordId: bigint }[], manager: EntityManager): Promise<void> {
    if (facts.length === 0) return;
    await manager.query(
      `INSERT INTO learner_facts (record_id, event_id, fact_index, action, source_status, source_utc)
       SELECT t.record_id, t.event_id, t.fact_index, t.action, t.source_status, t.source_utc
         FROM ${unnestOf([['record_id', 'bigint'], ...FACT_COLUMN_TYPES], 1)}
       ON CONFLICT DO NOTHING`,
      [pgArray(facts.map((f) => f.recordId.toString())), ...factArrays(facts.map((f) => f.fact))],
    );
  }

  /** One page of records in id order (creation order, which an update never changes). */
  async findPage(query: LearnerRecordQuery): Promise<LearnerRecordPage> {
    // One program (the usual case) as an equality, so the planner can walk the primary key (program_id, id) in page
    // order; with `= ANY` it sorted every matching record first (3 s a page at a million records).
    const single = query.programIds.length === 1;
    const params: unknown[] = [single ? query.programIds[0] : query.programIds, query.after.toString()];
    const where = [single ? 'r.program_id = $1::varchar' : 'r.program_id = ANY($1::varchar[])', 'r.id > $2::bigint'];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (query.systemId !== undefined) add('r.system_id = ?', query.systemId);
    if (query.participantId !== undefined) add('r.participant_id = ?', query.participantId);
    if (query.learningObjectId !== undefined) add('r.learning_object_id = ?', query.learningObjectId);
    if (query.status !== undefined) add('r.status = ?', query.status);
    params.push(query.limit);
    const rows: RecordRow[] = await this.dataSource.query(
      `SELECT ${RECORD_SELECT} FROM learner_records r WHERE ${where.join(' AND ')} ORDER BY r.id LIMIT $${params.length}`,
      params,
    );
    const records = rows.map(toStoredRecord);
    return { records, next: records.at(-1)?.id ?? query.after };
  }
}
