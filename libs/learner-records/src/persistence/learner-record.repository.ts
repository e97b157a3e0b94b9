import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { recordKeyOf, type LearnerFact, type LearnerRecord, type LearnerRecordKey } from '../domain/index.js';
import {
  KEY_COLUMN_TYPES,
  KEY_COLUMNS,
  keyValues,
  RECORD_SELECT,
  STATE_COLUMNS,
  stateValues,
  toFact,
  toStoredRecord,
  unnestOf,
  type FactRow,
  type RecordRow,
  type StoredLearnerRecord,
} from './record-rows.js';

export interface RecordUpdate {
  id: bigint;
  record: LearnerRecord;
  /** The visible state changed, so UpdatedUtc moves; false when only the high-water mark moved (a stale fact). */
  touch: boolean;
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
const STATE_LIST = STATE_COLUMNS.map(([name]) => name).join(', ');

/**
 * Learner records and their facts. Every method of the write path takes the EntityManager of the transaction that
 * stores the events, so records never get out of step with the log; each is one statement over the whole batch.
 */
@Injectable()
export class LearnerRecordRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * The stored records of `keys`, row-locked until the transaction ends. Rows are locked in key order (LockRows
   * runs above the Sort), so two workers whose batches share records wait for each other instead of deadlocking.
   */
  async lockByKeys(keys: readonly LearnerRecordKey[], manager: EntityManager): Promise<Map<string, StoredLearnerRecord>> {
    if (keys.length === 0) return new Map();
    const rows: RecordRow[] = await manager.query(
      `SELECT ${RECORD_SELECT}
         FROM learner_records r JOIN ${unnestOf(KEY_COLUMN_TYPES, 1)} ON ${KEY_MATCH}
        ORDER BY ${KEY_COLUMNS.map((c) => `r.${c}`).join(', ')}
          FOR UPDATE OF r`,
      keyValues(keys),
    );
    return new Map(rows.map((row) => {
      const stored = toStoredRecord(row);
      return [recordKeyOf(stored.record), stored];
    }));
  }

  /** Every stored fact of the given records (the history a late fact is refolded with), by record id. */
  async loadFacts(records: readonly StoredLearnerRecord[], manager: EntityManager): Promise<Map<bigint, LearnerFact[]>> {
    const histories = new Map<bigint, LearnerFact[]>(records.map((r) => [r.id, []]));
    if (records.length === 0) return histories;
    const keys = new Map(records.map((r) => [r.id, r.record]));
    const rows: FactRow[] = await manager.query(
      `SELECT record_id, event_id, fact_index, action, source_status, source_utc FROM learner_facts WHERE record_id = ANY($1::bigint[])`,
      [records.map((r) => r.id.toString())],
    );
    for (const row of rows) {
      const id = BigInt(row.record_id);
      histories.get(id)!.push(toFact(row, keys.get(id)!));
    }
    return histories;
  }

  /**
   * Inserts new records (in the order given: callers sort by key) and returns their ids by record key. A key
   * another transaction created meanwhile is skipped (ON CONFLICT DO NOTHING): the caller must notice it is missing.
   */
  async insertRecords(records: readonly LearnerRecord[], manager: EntityManager): Promise<Map<string, bigint>> {
    if (records.length === 0) return new Map();
    const rows: (Record<(typeof KEY_COLUMNS)[number], string> & { id: string })[] = await manager.query(
      `INSERT INTO learner_records (${KEY_LIST}, ${STATE_LIST})
       SELECT ${KEY_COLUMNS.map((c) => `t.${c}`).join(', ')}, ${STATE_COLUMNS.map(([c]) => `t.${c}`).join(', ')}
         FROM ${unnestOf([...KEY_COLUMN_TYPES, ...STATE_COLUMNS], 1)}
       ON CONFLICT (${KEY_LIST}) DO NOTHING
       RETURNING id, ${KEY_LIST}`,
      [...keyValues(records), ...stateValues(records)],
    );
    return new Map(
      rows.map((row) => [
        recordKeyOf({ PublisherProgramId: row.program_id, PublisherParticipantId: row.participant_id, LearningObjectId: row.learning_object_id, PublisherSystemId: row.system_id as LearnerRecordKey['PublisherSystemId'] }),
        BigInt(row.id),
      ]),
    );
  }

  /** Writes the new state of locked records; UpdatedUtc moves only where the visible state changed. */
  async updateRecords(updates: readonly RecordUpdate[], manager: EntityManager): Promise<void> {
    if (updates.length === 0) return;
    const records = updates.map((u) => u.record);
    await manager.query(
      `UPDATE learner_records r
          SET ${STATE_COLUMNS.map(([c]) => `${c} = t.${c}`).join(', ')},
              updated_utc = CASE WHEN t.touch THEN now() ELSE r.updated_utc END
         FROM ${unnestOf([['id', 'bigint'], ...STATE_COLUMNS, ['touch', 'boolean']], 1)}
        WHERE r.id = t.id`,
      [updates.map((u) => u.id.toString()), ...stateValues(records), updates.map((u) => u.touch)],
    );
  }

  async insertFacts(facts: readonly { fact: LearnerFact; recordId: bigint }[], manager: EntityManager): Promise<void> {
    if (facts.length === 0) return;
    await manager.query(
      `INSERT INTO learner_facts (event_id, fact_index, record_id, action, source_status, source_utc)
       SELECT * FROM unnest($1::varchar[], $2::smallint[], $3::bigint[], $4::jsonb[], $5::text[], $6::timestamptz[])
       ON CONFLICT DO NOTHING`,
      [
        facts.map((f) => f.fact.EventId),
        facts.map((f) => f.fact.FactIndex),
        facts.map((f) => f.recordId.toString()),
        facts.map((f) => JSON.stringify(f.fact.Action)),
        facts.map((f) => f.fact.SourceStatus),
        facts.map((f) => f.fact.SourceUtc),
      ],
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
