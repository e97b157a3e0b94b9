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
  UPDATED_UTC_ON_WRITE,
  type FactRow,
  type KeyRow,
  type RecordRow,
  type StoredLearnerRecord,
} from './record-rows.js';

export interface RecordWrite {
  record: LearnerRecord;
  /** The version the record was read at (0 for a record not stored yet). */
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
   * Inserts new records and updates stored ones in one statement, each only if the row is still at the version it
   * was read at (a new record: if nobody created it meanwhile). Rows are written in the order given (callers sort
   * by key), so concurrent writers lock them in the same order. Returns the ids of the records written, by record
   * key; a record missing from it was written by another transaction meanwhile and must be folded again.
   */
  async writeRecords(writes: readonly RecordWrite[], manager: EntityManager): Promise<Map<string, bigint>> {
    if (writes.length === 0) return new Map();
    const rows: (KeyRow & { id: string })[] = await manager.query(
      `INSERT INTO learner_records AS r (${WRITTEN_COLUMNS.join(', ')})
       SELECT ${WRITTEN_COLUMNS.map((c) => `t.${c}`).join(', ')} FROM ${unnestOf(RECORD_COLUMN_TYPES, 1)}
       ON CONFLICT (${KEY_LIST}) DO UPDATE
          SET ${[...STATE_COLUMNS.map(([c]) => c), 'version'].map((c) => `${c} = excluded.${c}`).join(', ')},
              updated_utc = ${UPDATED_UTC_ON_WRITE}
        WHERE r.version = excluded.version - 1
       RETURNING r.id, ${KEY_COLUMNS.map((c) => `r.${c}`).join(', ')}`,
      recordArrays(writes.map((w) => w.record), writes.map((w) => w.readVersion + 1)),
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
    const params: unknown[] = [query.programIds, query.after.toString()];
    const where = ['r.program_id = ANY($1::varchar[])', 'r.id > $2::bigint'];
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
