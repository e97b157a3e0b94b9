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

export function sortKeyOf(fact: LearnerFact): FactSortKey {
  return {
    SourceUtc: fact.SourceUtc,
    Rank: ACTION_RANK[fact.Action.kind],
    Percent: fact.Action.kind === 'progress' ? fact.Action.percent : 0,
    EventId: fact.EventId,
    FactIndex: fact.FactIndex,
  };
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Source time, then action rank, then progress percent, then EventId, then FactIndex. */
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
