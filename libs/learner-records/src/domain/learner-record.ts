import type { FactSortKey } from './fact-order.js';
import type { LearnerRecordKey } from './learner-fact.js';

export const LEARNER_STATUSES = ['ENROLLED', 'WAITLISTED', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'UNENROLLED'] as const;
export type LearnerStatus = (typeof LEARNER_STATUSES)[number];

/**
 * Where a learner stands in one learning object: the fold of its facts in sort order (see learner-record.reducer.ts).
 * `UpdatedUtc` (wall clock) is not part of the pure state; the repository stamps it when it writes.
 */
export interface LearnerRecord extends LearnerRecordKey {
  /** Null only while no status-bearing fact has been applied (a due date alone, or an unmapped source status). */
  Status: LearnerStatus | null;
  SourceStatus: string | null;
  ProgressPercent: number | null;
  Passed: boolean | null;
  EnrolledUtc: string | null;
  StartedUtc: string | null;
  CompletedUtc: string | null;
  /** Calendar date `YYYY-MM-DD`. */
  DueDate: string | null;
  /** The event whose fact last changed the record; stale facts never become LastEventId. */
  LastEventId: string;
  LastEventUtc: string;
  /**
   * Bookkeeping: the sort key of the greatest fact folded so far, stale ones included. A new fact that sorts after
   * it can be applied directly; one that sorts before it needs a recompute from the key's history.
   */
  HighWaterMark: FactSortKey;
}
