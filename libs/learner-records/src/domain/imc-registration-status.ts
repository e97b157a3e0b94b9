import type { LearningAction } from './learning-action.js';

/**
 * imc registration statuses (imc-learning-suite-event-queue.txt, 4.2.1 courses / learning paths and 4.2.2 course
 * templates) onto the hub's actions. Statuses not listed here become a `note`: kept as SourceStatus, Status unchanged.
 */
export const IMC_REGISTRATION_STATUS_ACTIONS: Readonly<Record<string, LearningAction>> = {
  // 4.2.1
  NULL: { kind: 'unenrol' }, // 0 No relation: the registration is gone
  SELECTED: { kind: 'note' }, // 1 On the wish list: interest, not a registration; Status is left alone
  ORDERED: { kind: 'waitlist' }, // 2 Requested: waits for approval, has no place yet
  AGREED: { kind: 'enrol' }, // 3 Confirmed
  NOTIFIED: { kind: 'enrol' }, // 4 Notified (of the booking)
  REFUSED: { kind: 'unenrol' }, // 4 Not confirmed: the request was turned down
  WAITING: { kind: 'waitlist' }, // 6 Waiting
  CANCELED: { kind: 'unenrol' }, // 7 Cancelled (table spelling)
  CANCELLED: { kind: 'unenrol' }, // 7 Cancelled (sample spelling)
  BOOKED: { kind: 'enrol' }, // 8 Enrolled
  STARTED: { kind: 'start' }, // 9 In progress
  FINISHED: { kind: 'complete', outcome: 'unknown' }, // 10 Concluded
  PASSED: { kind: 'complete', outcome: 'passed' }, // 11
  FAILED: { kind: 'complete', outcome: 'failed' }, // 12
  DELETE: { kind: 'unenrol' }, // 13 Deleted
  DELETED: { kind: 'unenrol' }, // 13, the natural spelling
  INDIVIDUAL_LEARNING_PLAN: { kind: 'enrol' }, // 17 Personal syllabus: assigned to the learner
  RESERVED_ON_PARTICIPANT_LIST: { kind: 'enrol' }, // 18 Reserved: holds a place
  RESERVED_ON_WAITING_LIST: { kind: 'waitlist' }, // 19
  // 4.2.2
  PREBOOKED: { kind: 'enrol' }, // 16 Pre-booked
  SUCCESSFULLY_COMPLETED: { kind: 'complete', outcome: 'passed' }, // 20 Recertification: passed a course
  NOT_SUCCESSFULLY_COMPLETED: { kind: 'complete', outcome: 'failed' }, // 21 Recertification: failed a course
};

const COMPLETION_STATUSES = new Set(['FINISHED', 'PASSED', 'FAILED', 'SUCCESSFULLY_COMPLETED', 'NOT_SUCCESSFULLY_COMPLETED']);

/**
 * The action for a registration change. imc states its transition (`initial-status` → `status`), so a change from a
 * completion back to STARTED is an explicit reopen by an administrator, not a lagging progress report (which the
 * rules would ignore after a completion).
 */
export function imcRegistrationAction(status: string, initialStatus: string | null): LearningAction {
  const key = status.toUpperCase();
  if (key === 'STARTED' && initialStatus !== null && COMPLETION_STATUSES.has(initialStatus.toUpperCase())) {
    return { kind: 'reopen' };
  }
  return IMC_REGISTRATION_STATUS_ACTIONS[key] ?? { kind: 'note' };
}
