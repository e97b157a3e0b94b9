import type { LearnerFact } from './learner-fact.js';
import { ACTION_RANK } from './learning-action.js';

/**
 * Where a fact sits in the total order of a record's facts. Two different facts never have equal keys
 * (EventId + FactIndex are unique), so the order is total and a fold over it is deterministic.
 */
export interface FactSortKey {
  SourceUtc: string;
  Rank: number;
  /** Progress percent, so two progress reports of the same instant end on the higher one; 0 otherwise. */
  Percent: number;
  EventId: string;
  FactIndex: number;
}

/**
 * Where a void sorts: before every source time (ISO strings start with a digit, `+` or `-`). A void then comes first
 * in its record's order, so by the time the fold reaches the facts it voids it knows they are void, and a void that
 * arrives after facts of its record always sorts before the high-water mark: it takes the slow path (a refold).
 */
export const VOID_SORT_UTC = '';

/**
 * The high-water mark of a record that has taken in a void: after every possible fact. Every later fact of such a
 * record sorts before it, so it is refolded with the record's history, which holds the void: a voided fact arriving
 * after its void can never be applied on the fast path. Records with voids are rare; they pay a refold per fact.
 */
export const VOIDED_HIGH_WATER_MARK: Readonly<FactSortKey> = Object.freeze({ SourceUtc: '~', Rank: 0, Percent: 0, EventId: '', FactIndex: 0 });

export function isVoidedHighWaterMark(key: FactSortKey): boolean {
  return key.SourceUtc === VOIDED_HIGH_WATER_MARK.SourceUtc;
}

export function sortKeyOf(fact: LearnerFact): FactSortKey {
  return {
    SourceUtc: fact.Action.kind === 'void' ? VOID_SORT_UTC : fact.SourceUtc,
    Rank: ACTION_RANK[fact.Action.kind],
    Percent: fact.Action.kind === 'progress' ? fact.Action.percent : 0,
    EventId: fact.EventId,
    FactIndex: fact.FactIndex,
  };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Source time (a void before all), then action rank, then progress percent, then EventId, then FactIndex. */
export function compareSortKeys(a: FactSortKey, b: FactSortKey): number {
  return (
    compareStrings(a.SourceUtc, b.SourceUtc) ||
    a.Rank - b.Rank ||
    a.Percent - b.Percent ||
    compareStrings(a.EventId, b.EventId) ||
    a.FactIndex - b.FactIndex
  );
}

export function compareFacts(a: LearnerFact, b: LearnerFact): number {
  return compareSortKeys(sortKeyOf(a), sortKeyOf(b));
}
