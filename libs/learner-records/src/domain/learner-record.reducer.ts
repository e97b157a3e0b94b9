import { compareSortKeys, isVoidedHighWaterMark, sortKeyOf, VOIDED_HIGH_WATER_MARK, type FactSortKey } from './fact-order.js';
import { factIdOf, recordKeyOf, sameRecordKey, type LearnerFact } from './learner-fact.js';
import type { LearnerRecord, LearnerStatus } from './learner-record.js';

const COMPLETED_STATUSES: ReadonlySet<LearnerStatus | null> = new Set(['COMPLETED', 'FAILED']);
/** No open enrolment: the next enrolment, start or completion begins a new episode. */
const CLOSED_STATUSES: ReadonlySet<LearnerStatus | null> = new Set([null, 'UNENROLLED']);

/**
 * The ordering rules that are not "newer time wins", evaluated against the record built from the facts that sort
 * before this one (so they mean the same whatever the arrival order):
 * - an enrolment or waitlisting while the learner is in progress is stale (ALM: progress implies enrolment, a
 *   batch enrolment can trail the learner's own progress);
 * - a start or progress report while completed is stale (ALM: progress lags up to 15 minutes; a completion means
 *   100 %); a reopen or unenrolment in between lifts this, because the status is no longer completed.
 */
export function isStale(record: LearnerRecord | null, fact: LearnerFact): boolean {
  const status = record?.Status ?? null;
  switch (fact.Action.kind) {
    case 'enrol':
    case 'waitlist':
      return status === 'IN_PROGRESS';
    case 'start':
    case 'progress':
      return COMPLETED_STATUSES.has(status);
    default:
      return false;
  }
}

function emptyRecord(fact: LearnerFact): LearnerRecord {
  return {
    PublisherSystemId: fact.PublisherSystemId,
    PublisherProgramId: fact.PublisherProgramId,
    PublisherParticipantId: fact.PublisherParticipantId,
    LearningObjectId: fact.LearningObjectId,
    Status: null,
    SourceStatus: null,
    ProgressPercent: null,
    Passed: null,
    EnrolledUtc: null,
    StartedUtc: null,
    CompletedUtc: null,
    DueDate: null,
    LastEventId: fact.EventId,
    LastEventUtc: fact.SourceUtc,
    HighWaterMark: sortKeyOf(fact),
  };
}

/** Dates and outcome of a previous enrolment must not leak into a new one. */
function withNewEpisode(record: LearnerRecord): LearnerRecord {
  return { ...record, EnrolledUtc: null, StartedUtc: null, CompletedUtc: null, Passed: null, ProgressPercent: null };
}

/** The effect of a non-stale fact on the record's state (bookkeeping is done by applyFact). */
function transition(record: LearnerRecord, fact: LearnerFact): LearnerRecord {
  const at = fact.SourceUtc;
  const action = fact.Action;
  const status = record.Status;
  switch (action.kind) {
    case 'dueDateSet':
      return { ...record, DueDate: action.dueDate };
    case 'dueDateCleared':
      return { ...record, DueDate: null };
    case 'note':
      return { ...record, SourceStatus: fact.SourceStatus };
    case 'enrol': {
      // A completed record can be enrolled again (ALM: newer timestamp wins); that is a new episode.
      const base = CLOSED_STATUSES.has(status) || COMPLETED_STATUSES.has(status) ? withNewEpisode(record) : record;
      return { ...base, Status: 'ENROLLED', EnrolledUtc: status === 'ENROLLED' ? base.EnrolledUtc : at };
    }
    case 'waitlist': {
      const base = CLOSED_STATUSES.has(status) || COMPLETED_STATUSES.has(status) ? withNewEpisode(record) : record;
      return { ...base, Status: 'WAITLISTED', EnrolledUtc: null };
    }
    case 'start':
    case 'progress': {
      const base = CLOSED_STATUSES.has(status) ? withNewEpisode(record) : record;
      const startedUtc = status === 'IN_PROGRESS' && base.StartedUtc !== null ? base.StartedUtc : at;
      const percent = action.kind === 'progress' ? action.percent : base.ProgressPercent;
      return { ...base, Status: 'IN_PROGRESS', StartedUtc: startedUtc, ProgressPercent: percent };
    }
    case 'complete': {
      const base = CLOSED_STATUSES.has(status) ? withNewEpisode(record) : record;
      const passed = action.outcome === 'passed' ? true : action.outcome === 'failed' ? false : null;
      return {
        ...base,
        Status: action.outcome === 'failed' ? 'FAILED' : 'COMPLETED',
        Passed: passed,
        CompletedUtc: at,
        // ALM: "a completion means progress has reached 100 %".
        ProgressPercent: 100,
      };
    }
    case 'reopen': {
      const base = CLOSED_STATUSES.has(status) ? withNewEpisode(record) : record;
      return { ...base, Status: 'IN_PROGRESS', CompletedUtc: null, Passed: null, ProgressPercent: null };
    }
    case 'unenrol':
      // Dates stay: they say what happened before the unenrolment until a new episode replaces them.
      return { ...record, Status: 'UNENROLLED' };
    case 'void':
      // applyFact takes voids before they get here; a void changes no state of its own.
      return record;
  }
}

/** Once a record has taken in a void its high-water mark stays after everything (see VOIDED_HIGH_WATER_MARK). */
function highWaterMarkAfter(record: LearnerRecord | null, fact: LearnerFact): FactSortKey {
  if (fact.Action.kind === 'void' || (record !== null && isVoidedHighWaterMark(record.HighWaterMark))) return { ...VOIDED_HIGH_WATER_MARK };
  return sortKeyOf(fact);
}

/**
 * A void sorts before every other fact of its record, so in a fold it is applied to an empty record (the first void)
 * or to a record that holds only voids. It leaves no state behind: a record whose every other fact is voided says
 * nothing (`Status` and `SourceStatus` null) and names the void as its last event.
 */
function applyVoid(record: LearnerRecord | null, fact: LearnerFact): LearnerRecord {
  return { ...(record ?? emptyRecord(fact)), HighWaterMark: { ...VOIDED_HIGH_WATER_MARK } };
}

/**
 * One step of the fold. It assumes `fact` sorts after every fact already folded into `record` (use `incorporate`
 * when that is not known). A stale fact only moves the high-water mark.
 */
export function applyFact(record: LearnerRecord | null, fact: LearnerFact): LearnerRecord {
  if (record !== null && !sameRecordKey(record, fact)) {
    throw new Error(`fact ${fact.EventId} belongs to ${recordKeyOf(fact)}, not to ${recordKeyOf(record)}`);
  }
  if (fact.Action.kind === 'void') return applyVoid(record, fact);
  const highWaterMark = highWaterMarkAfter(record, fact);
  if (isStale(record, fact)) {
    // isStale is false for every fact on an empty record, so record is not null here.
    return { ...(record as LearnerRecord), HighWaterMark: highWaterMark };
  }
  const next = transition(record ?? emptyRecord(fact), fact);
  const sourceStatus = fact.Action.kind === 'dueDateSet' || fact.Action.kind === 'dueDateCleared' ? next.SourceStatus : fact.SourceStatus;
  return { ...next, SourceStatus: sourceStatus, LastEventId: fact.EventId, LastEventUtc: fact.SourceUtc, HighWaterMark: highWaterMark };
}

/** Facts in the total order, each fact once (a redelivered event yields the same EventId and FactIndex). */
export function sortedUniqueFacts(facts: Iterable<LearnerFact>): LearnerFact[] {
  const unique = new Map<string, LearnerFact>();
  for (const fact of facts) unique.set(factIdOf(fact), fact);
  // Keys computed once per fact rather than twice per comparison: a recompute sorts a record's whole history.
  return [...unique.values()]
    .map((fact) => ({ fact, key: sortKeyOf(fact) }))
    .sort((a, b) => compareSortKeys(a.key, b.key))
    .map(({ fact }) => fact);
}

/** The events whose facts a void among `facts` takes back. */
export function voidedEventIds(facts: Iterable<LearnerFact>): Set<string> {
  const voided = new Set<string>();
  for (const fact of facts) if (fact.Action.kind === 'void') voided.add(fact.Action.voidedEventId);
  return voided;
}

/**
 * The definition of a record: the fold of applyFact over its facts in sort order, leaving out the facts of voided
 * events. Null for no facts. Voids sort first, so the record is the same whichever arrived first, the void or the
 * voided event; with voids taken out it equals the fold of the remaining facts (bar the high-water mark), or, when
 * nothing remains, a record that says nothing.
 */
export function foldFacts(facts: Iterable<LearnerFact>): LearnerRecord | null {
  const sorted = sortedUniqueFacts(facts);
  const voided = voidedEventIds(sorted);
  let record: LearnerRecord | null = null;
  // A void is never voided itself (xAPI: a voiding Statement cannot be voided), so a fold never ends with nothing.
  for (const fact of sorted) if (fact.Action.kind === 'void' || !voided.has(fact.EventId)) record = applyFact(record, fact);
  return record;
}

/** A rebuild: every record of a set of facts of any keys, by `recordKeyOf`. */
export function foldFactsByKey(facts: Iterable<LearnerFact>): Map<string, LearnerRecord> {
  const byKey = new Map<string, LearnerFact[]>();
  for (const fact of facts) {
    const key = recordKeyOf(fact);
    const group = byKey.get(key);
    if (group) group.push(fact);
    else byKey.set(key, [fact]);
  }
  const records = new Map<string, LearnerRecord>();
  for (const [key, group] of byKey) records.set(key, foldFacts(group) as LearnerRecord);
  return records;
}
