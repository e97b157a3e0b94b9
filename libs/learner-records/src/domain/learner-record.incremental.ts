import { compareSortKeys, sortKeyOf } from './fact-order.js';
import { recordKeyOf, sameRecordKey, type LearnerFact } from './learner-fact.js';
import type { LearnerRecord } from './learner-record.js';
import { applyFact, foldFacts } from './learner-record.reducer.js';

/**
 * How a new fact was taken in:
 * - `fast`: it sorts after everything folded so far, so applying it equals the fold over the whole history;
 * - `duplicate`: it is the last folded fact again (a redelivery), nothing changes;
 * - `recompute`: it sorts before the high-water mark, so the record was refolded from the key's history.
 */
export type IncorporatePath = 'fast' | 'duplicate' | 'recompute';

export interface IncorporateResult {
  record: LearnerRecord;
  path: IncorporatePath;
}

function assertSameKey(record: LearnerRecord | null, fact: LearnerFact): void {
  if (record !== null && !sameRecordKey(record, fact)) {
    throw new Error(`fact ${fact.EventId} belongs to ${recordKeyOf(fact)}, not to ${recordKeyOf(record)}`);
  }
}

function positionOf(record: LearnerRecord | null, fact: LearnerFact): number {
  return record === null ? 1 : compareSortKeys(sortKeyOf(fact), record.HighWaterMark);
}

/**
 * True when `fact` sorts before the greatest fact already folded into `record` (stale ones count: a late fact can
 * change whether a later one was stale), so applying it directly could differ from the fold over the sorted set.
 */
export function needsRecompute(record: LearnerRecord | null, fact: LearnerFact): boolean {
  assertSameKey(record, fact);
  return positionOf(record, fact) < 0;
}

/**
 * Takes one new fact into a record. `loadHistory` must return every fact of the record's key taken in so far
 * (the new fact may or may not be among them; duplicates are ignored); it is called only on the slow path.
 */
export function incorporate(
  record: LearnerRecord | null,
  fact: LearnerFact,
  loadHistory: () => Iterable<LearnerFact>,
): IncorporateResult {
  assertSameKey(record, fact);
  const position = positionOf(record, fact);
  if (position > 0) return { record: applyFact(record, fact), path: 'fast' };
  if (position === 0) return { record: record as LearnerRecord, path: 'duplicate' };
  return { record: foldFacts([...loadHistory(), fact]) as LearnerRecord, path: 'recompute' };
}

/** `incorporate` for a history that comes from a database. */
export async function incorporateAsync(
  record: LearnerRecord | null,
  fact: LearnerFact,
  loadHistory: () => Promise<Iterable<LearnerFact>>,
): Promise<IncorporateResult> {
  assertSameKey(record, fact);
  if (positionOf(record, fact) >= 0) return incorporate(record, fact, () => []);
  return { record: foldFacts([...(await loadHistory()), fact]) as LearnerRecord, path: 'recompute' };
}
