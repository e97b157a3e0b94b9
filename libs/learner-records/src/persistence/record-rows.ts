import type { PublisherSystemId } from '@hub/event-store';
import type { FactSortKey, LearnerFact, LearnerRecord, LearnerRecordKey, LearnerStatus, LearningAction } from '../domain/index.js';

/** A record as stored: the pure state plus its row id (paging order) and the wall clock of its last visible change. */
export interface StoredLearnerRecord {
  id: bigint;
  record: LearnerRecord;
  updatedUtc: string;
}

export interface RecordRow {
  id: string;
  system_id: string;
  program_id: string;
  participant_id: string;
  learning_object_id: string;
  status: string | null;
  source_status: string | null;
  progress_percent: number | null;
  passed: boolean | null;
  enrolled_utc: Date | null;
  started_utc: Date | null;
  completed_utc: Date | null;
  due_date: string | null;
  last_event_id: string;
  last_event_utc: Date;
  high_water_mark: FactSortKey;
  updated_utc: Date;
}

/** `due_date` as text: node-pg would turn a `date` into a local-midnight Date and shift the day. */
export const RECORD_SELECT = `r.id, r.system_id, r.program_id, r.participant_id, r.learning_object_id, r.status, r.source_status,
  r.progress_percent, r.passed, r.enrolled_utc, r.started_utc, r.completed_utc, r.due_date::text AS due_date, r.last_event_id,
  r.last_event_utc, r.high_water_mark, r.updated_utc`;

/** The record key in index order (learner_records_key); row locks are taken in this order. */
export const KEY_COLUMNS = ['program_id', 'participant_id', 'learning_object_id', 'system_id'] as const;

/** Every column a fold determines, with the array type its values are bound as. */
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
  ['high_water_mark', 'jsonb'],
] as const;

/** The state columns a subscriber sees: a change of these (not of the high-water mark alone) moves UpdatedUtc. */
export const VISIBLE_STATE_COLUMNS = STATE_COLUMNS.map(([name]) => name).filter((name) => name !== 'high_water_mark');

const iso = (value: Date | null): string | null => (value === null ? null : value.toISOString());

export function toStoredRecord(row: RecordRow): StoredLearnerRecord {
  return {
    id: BigInt(row.id),
    updatedUtc: row.updated_utc.toISOString(),
    record: {
      PublisherSystemId: row.system_id as PublisherSystemId,
      PublisherProgramId: row.program_id,
      PublisherParticipantId: row.participant_id,
      LearningObjectId: row.learning_object_id,
      Status: row.status as LearnerStatus | null,
      SourceStatus: row.source_status,
      ProgressPercent: row.progress_percent,
      Passed: row.passed,
      EnrolledUtc: iso(row.enrolled_utc),
      StartedUtc: iso(row.started_utc),
      CompletedUtc: iso(row.completed_utc),
      DueDate: row.due_date,
      LastEventId: row.last_event_id,
      LastEventUtc: row.last_event_utc.toISOString(),
      HighWaterMark: row.high_water_mark,
    },
  };
}

export function keyValues(records: readonly LearnerRecordKey[]): string[][] {
  return [
    records.map((r) => r.PublisherProgramId),
    records.map((r) => r.PublisherParticipantId),
    records.map((r) => r.LearningObjectId),
    records.map((r) => r.PublisherSystemId),
  ];
}

export function stateValues(records: readonly LearnerRecord[]): unknown[][] {
  return [
    records.map((r) => r.Status),
    records.map((r) => r.SourceStatus),
    records.map((r) => r.ProgressPercent),
    records.map((r) => r.Passed),
    records.map((r) => r.EnrolledUtc),
    records.map((r) => r.StartedUtc),
    records.map((r) => r.CompletedUtc),
    records.map((r) => r.DueDate),
    records.map((r) => r.LastEventId),
    records.map((r) => r.LastEventUtc),
    records.map((r) => JSON.stringify(r.HighWaterMark)),
  ];
}

/** `unnest($n::type[], …) AS t(name, …)` for the given columns, numbering parameters from `first`. */
export function unnestOf(columns: readonly (readonly [string, string])[], first: number): string {
  const arrays = columns.map(([, type], i) => `$${first + i}::${type}[]`).join(', ');
  return `unnest(${arrays}) AS t(${columns.map(([name]) => name).join(', ')})`;
}

export const KEY_COLUMN_TYPES = KEY_COLUMNS.map((name) => [name, 'varchar'] as const);

export interface FactRow {
  record_id: string;
  event_id: string;
  fact_index: number;
  action: LearningAction;
  source_status: string | null;
  source_utc: Date;
}

export function toFact(row: FactRow, key: LearnerRecordKey): LearnerFact {
  return {
    PublisherSystemId: key.PublisherSystemId,
    PublisherProgramId: key.PublisherProgramId,
    PublisherParticipantId: key.PublisherParticipantId,
    LearningObjectId: key.LearningObjectId,
    Action: row.action,
    SourceStatus: row.source_status,
    SourceUtc: row.source_utc.toISOString(),
    EventId: row.event_id,
    FactIndex: row.fact_index,
  };
}

/** Key order of learner_records_key, compared by code unit: any fixed order keeps concurrent inserts deadlock-free. */
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

/** Same visible state (everything a subscriber sees but UpdatedUtc). */
export function sameVisibleState(a: LearnerRecord, b: LearnerRecord): boolean {
  return (
    a.Status === b.Status &&
    a.SourceStatus === b.SourceStatus &&
    a.ProgressPercent === b.ProgressPercent &&
    a.Passed === b.Passed &&
    a.EnrolledUtc === b.EnrolledUtc &&
    a.StartedUtc === b.StartedUtc &&
    a.CompletedUtc === b.CompletedUtc &&
    a.DueDate === b.DueDate &&
    a.LastEventId === b.LastEventId &&
    a.LastEventUtc === b.LastEventUtc
  );
}

export function sameHighWaterMark(a: FactSortKey, b: FactSortKey): boolean {
  return a.SourceUtc === b.SourceUtc && a.Rank === b.Rank && a.Percent === b.Percent && a.EventId === b.EventId && a.FactIndex === b.FactIndex;
}
