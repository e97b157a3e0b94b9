import type { PublisherSystemId } from '@hub/event-store';
import type { FactSortKey, LearnerFact, LearnerRecord, LearnerRecordKey, LearnerStatus, LearningAction } from '../domain/index.js';

/** A record as stored: the pure state plus its row id (paging order) and the wall clock of its last visible change. */
export interface StoredLearnerRecord {
  id: bigint;
  record: LearnerRecord;
  /** The optimistic-locking token: a write succeeds only if the row is still at the version that was read. */
  version: number;
  updatedUtc: string;
}

/** The record key in index order (learner_records_key); row locks are taken in this order. */
export const KEY_COLUMNS = ['program_id', 'participant_id', 'learning_object_id', 'system_id'] as const;

/** Every column a fold determines, with its SQL type. */
export const STATE_COLUMNS = [
  ['status', 'varchar'],
  ['source_status', 'text'],
  ['progress_percent', 'float8'],
  ['passed', 'boolean'],
  ['enrolled_utc', 'timestamptz'],
  ['started_utc', 'timestamptz'],
  ['completed_utc', 'timestamptz'],
  ['due_date', 'date'],
  ['last_event_id', 'varchar'],
  ['last_event_utc', 'timestamptz'],
  ['high_water_mark', 'text'],
] as const;

type KeyColumn = (typeof KEY_COLUMNS)[number];
type StateColumn = (typeof STATE_COLUMNS)[number][0];
export type KeyRow = Record<KeyColumn, string>;

/** The state columns a subscriber sees: a change of these (not of the high-water mark alone) moves UpdatedUtc. */
export const VISIBLE_STATE_COLUMNS: readonly StateColumn[] = STATE_COLUMNS.map(([name]) => name).filter((name) => name !== 'high_water_mark');

const columnList = (alias: string, columns: readonly string[]) => `(${columns.map((c) => `${alias}.${c}`).join(', ')})`;

/** SQL: UpdatedUtc for a row `r` being overwritten by the row `next`: now() only if what a subscriber sees changes. */
export function updatedUtcOnWrite(next: string): string {
  return `CASE WHEN ${columnList('r', VISIBLE_STATE_COLUMNS)} IS DISTINCT FROM ${columnList(next, VISIBLE_STATE_COLUMNS)} THEN now() ELSE r.updated_utc END`;
}

/**
 * A Postgres array literal. Rows travel as one array per column, read with unnest: Postgres reads typed arrays far
 * faster than json_to_recordset, and building the literal here is cheaper than node-pg's generic conversion.
 */
export function pgArray(values: readonly (string | number | boolean | null)[]): string {
  return pgColumn(values, (value) => value);
}

/**
 * `pgArray(items.map(get))`. JSON.stringify is native and several times faster than building the literal in
 * JavaScript; its output is a valid array literal whenever it contains no backslash (no escaped character).
 */
export function pgColumn<T>(items: readonly T[], get: (item: T) => string | number | boolean | null): string {
  const values = new Array<string | number | boolean | null>(items.length);
  for (let i = 0; i < items.length; i++) values[i] = get(items[i]);
  const json = JSON.stringify(values);
  if (!json.includes('\\')) return `{${json.slice(1, -1)}}`;
  let out = '{';
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (i > 0) out += ',';
    if (value === null) out += 'NULL';
    else if (typeof value === 'string') out += value.includes('"') || value.includes('\\') ? `"${value.replace(/[\\"]/g, '\\$&')}"` : `"${value}"`;
    else if (typeof value === 'boolean') out += value ? 't' : 'f';
    else out += String(value);
  }
  return `${out}}`;
}

/** `unnest($first::type[], …) AS t(name, …)` for the given columns. */
export function unnestOf(columns: readonly (readonly [string, string])[], first: number): string {
  return `unnest(${columns.map(([, type], i) => `$${first + i}::${type}[]`).join(', ')}) AS t(${columns.map(([name]) => name).join(', ')})`;
}

export const KEY_COLUMN_TYPES = KEY_COLUMNS.map((name) => [name, 'varchar'] as const);
export const RECORD_COLUMN_TYPES = [...KEY_COLUMN_TYPES, ...STATE_COLUMNS, ['version', 'integer']] as const;

/** One array per column of KEY_COLUMN_TYPES. */
export function keyArrays(keys: readonly LearnerRecordKey[]): string[] {
  return [
    pgColumn(keys, (k) => k.PublisherProgramId),
    pgColumn(keys, (k) => k.PublisherParticipantId),
    pgColumn(keys, (k) => k.LearningObjectId),
    pgColumn(keys, (k) => k.PublisherSystemId),
  ];
}

/** One array per column of RECORD_COLUMN_TYPES. */
export function recordArrays(records: readonly LearnerRecord[], versions: readonly number[]): string[] {
  return [
    ...keyArrays(records),
    pgColumn(records, (r) => r.Status),
    pgColumn(records, (r) => r.SourceStatus),
    pgColumn(records, (r) => r.ProgressPercent),
    pgColumn(records, (r) => r.Passed),
    pgColumn(records, (r) => r.EnrolledUtc),
    pgColumn(records, (r) => r.StartedUtc),
    pgColumn(records, (r) => r.CompletedUtc),
    pgColumn(records, (r) => r.DueDate),
    pgColumn(records, (r) => r.LastEventId),
    pgColumn(records, (r) => r.LastEventUtc),
    pgColumn(records, (r) => JSON.stringify(r.HighWaterMark)),
    pgArray(versions),
  ];
}

/** An instant as `toISOString()` writes it, formatted by Postgres (cheaper than parsing Dates in node). */
export const isoUtc = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface RecordRow extends KeyRow {
  id: string;
  status: string | null;
  source_status: string | null;
  progress_percent: number | null;
  passed: boolean | null;
  enrolled_utc: string | null;
  started_utc: string | null;
  completed_utc: string | null;
  due_date: string | null;
  last_event_id: string;
  last_event_utc: string;
  high_water_mark: string;
  version: number;
  updated_utc: string;
}

/** `due_date` as text: node-pg would turn a `date` into a local-midnight Date and shift the day. */
export const RECORD_SELECT = `r.id, r.system_id, r.program_id, r.participant_id, r.learning_object_id, r.status, r.source_status,
  r.progress_percent, r.passed, ${isoUtc('r.enrolled_utc')} AS enrolled_utc, ${isoUtc('r.started_utc')} AS started_utc,
  ${isoUtc('r.completed_utc')} AS completed_utc, r.due_date::text AS due_date, r.last_event_id,
  ${isoUtc('r.last_event_utc')} AS last_event_utc, r.high_water_mark, r.version, ${isoUtc('r.updated_utc')} AS updated_utc`;

export function toStoredRecord(row: RecordRow): StoredLearnerRecord {
  return {
    id: BigInt(row.id),
    version: row.version,
    updatedUtc: row.updated_utc,
    record: {
      PublisherSystemId: row.system_id as PublisherSystemId,
      PublisherProgramId: row.program_id,
      PublisherParticipantId: row.participant_id,
      LearningObjectId: row.learning_object_id,
      Status: row.status as LearnerStatus | null,
      SourceStatus: row.source_status,
      ProgressPercent: row.progress_percent,
      Passed: row.passed,
      EnrolledUtc: row.enrolled_utc,
      StartedUtc: row.started_utc,
      CompletedUtc: row.completed_utc,
      DueDate: row.due_date,
      LastEventId: row.last_event_id,
      LastEventUtc: row.last_event_utc,
      HighWaterMark: JSON.parse(row.high_water_mark) as FactSortKey,
    },
  };
}

export const FACT_COLUMN_TYPES = [
  ['event_id', 'varchar'],
  ['fact_index', 'smallint'],
  ['action', 'jsonb'],
  ['source_status', 'text'],
  ['source_utc', 'timestamptz'],
] as const;

/** One array per column of FACT_COLUMN_TYPES. */
export function factArrays(facts: readonly LearnerFact[]): string[] {
  return [
    pgColumn(facts, (f) => f.EventId),
    pgColumn(facts, (f) => f.FactIndex),
    pgColumn(facts, (f) => JSON.stringify(f.Action)),
    pgColumn(facts, (f) => f.SourceStatus),
    pgColumn(facts, (f) => f.SourceUtc),
  ];
}

export interface FactRow {
  event_id: string;
  fact_index: number;
  action: LearningAction;
  source_status: string | null;
  source_utc: string;
}

export function toFact(row: FactRow, key: LearnerRecordKey): LearnerFact {
  return {
    PublisherSystemId: key.PublisherSystemId,
    PublisherProgramId: key.PublisherProgramId,
    PublisherParticipantId: key.PublisherParticipantId,
    LearningObjectId: key.LearningObjectId,
    Action: row.action,
    SourceStatus: row.source_status,
    SourceUtc: row.source_utc,
    EventId: row.event_id,
    FactIndex: row.fact_index,
  };
}

export function keyOfRow(row: KeyRow): LearnerRecordKey {
  return {
    PublisherProgramId: row.program_id,
    PublisherParticipantId: row.participant_id,
    LearningObjectId: row.learning_object_id,
    PublisherSystemId: row.system_id as PublisherSystemId,
  };
}

/** A fixed order of record keys: every worker writes a batch's records in it, so they lock rows in the same order. */
export function compareKeys(a: LearnerRecordKey, b: LearnerRecordKey): number {
  for (const [x, y] of [
    [a.PublisherProgramId, b.PublisherProgramId],
    [a.PublisherParticipantId, b.PublisherParticipantId],
    [a.LearningObjectId, b.LearningObjectId],
    [a.PublisherSystemId, b.PublisherSystemId],
  ]) {
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}
