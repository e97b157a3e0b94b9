import type { AlmEvent } from '../delivery/alm-delivery.types.js';

/** The learner-record statuses of DESIGN.md that ALM events can produce. */
export type AlmLearnerStatus = 'ENROLLED' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILED' | 'UNENROLLED';

export type AlmLearnerChangeKind = 'enrollment' | 'unenrollment' | 'progress' | 'completion';

/**
 * What one ALM learner event says about the record (`userId`, `loInstanceId`), for the learner-records
 * writer. Ordering is the writer's job; `almChangeIsStale` states ALM's rules for it.
 */
export interface AlmLearnerChange {
  kind: AlmLearnerChangeKind;
  userId: string;
  /** ALM keys a record by `userId` + `loInstanceId`; when an event lacks the instance, its `loId`. */
  learningObjectId: string;
  loId: string | null;
  loInstanceId: string | null;
  loType: string | null;
  status: AlmLearnerStatus;
  /** ALM's event name, kept beside the hub's status. */
  sourceStatus: string;
  progressPercent: number | null;
  passed: boolean | null;
  enrolledUtc: string | null;
  startedUtc: string | null;
  completedUtc: string | null;
  /** ALM's `timestamp`: its rule 3 orders events by it (LEARNER_PROGRESS included, its data date is the start). */
  sourceTimeUtc: string;
  /** `*_BATCH` or LEARNER_PROGRESS: admin- or platform-triggered, may arrive out of order. */
  realTime: boolean;
}

/** The learner-record change of an enrolment, unenrolment, progress or completion event; null for other events. */
export function almLearnerChangeFrom(event: AlmEvent): AlmLearnerChange | null {
  const definition = event.definition;
  if (!definition || definition.subject !== 'learner') return null;
  const kind = definition.kind as AlmLearnerChangeKind;
  const { facts } = event;
  const learningObjectId = facts.loInstanceId ?? facts.loId;
  if (!facts.userId || !learningObjectId) return null;
  return {
    kind,
    userId: facts.userId,
    learningObjectId,
    loId: facts.loId,
    loInstanceId: facts.loInstanceId,
    loType: facts.loType,
    status: statusOf(kind, facts.hasPassed),
    sourceStatus: event.eventName,
    // A completion means 100 % (ALM's own reasoning for dropping a late progress event).
    progressPercent: kind === 'completion' ? 100 : facts.progressPercent,
    passed: kind === 'completion' ? facts.hasPassed : null,
    enrolledUtc: facts.dateEnrolledUtc,
    startedUtc: facts.dateStartedUtc,
    completedUtc: kind === 'completion' ? (facts.dateCompletedUtc ?? event.startUtc) : null,
    sourceTimeUtc: event.timestampUtc ?? event.startUtc,
    realTime: definition.realTime,
  };
}

function statusOf(kind: AlmLearnerChangeKind, hasPassed: boolean | null): AlmLearnerStatus {
  switch (kind) {
    case 'enrollment':
      return 'ENROLLED';
    case 'unenrollment':
      return 'UNENROLLED';
    case 'progress':
      return 'IN_PROGRESS';
    case 'completion':
      // CERTIFICATION_COMPLETED carries no hasPassed: completed, pass unknown.
      return hasPassed === false ? 'FAILED' : 'COMPLETED';
  }
}

/**
 * ALM's ordering rules ("Spezifische Richtlinien für Webhook-Ereignisse"), for a record whose last applied
 * change was `current`:
 * 1. an enrolment arriving after a progress event is ignored;
 * 2. a progress event arriving after a completion is ignored;
 * 3. otherwise the newer `timestamp` wins (an equal one applies, so a replay is harmless).
 */
export function almChangeIsStale(
  current: Pick<AlmLearnerChange, 'kind' | 'sourceTimeUtc'> | null,
  incoming: Pick<AlmLearnerChange, 'kind' | 'sourceTimeUtc'>,
): boolean {
  if (!current) return false;
  if (incoming.kind === 'enrollment' && current.kind === 'progress') return true;
  if (incoming.kind === 'progress' && current.kind === 'completion') return true;
  return Date.parse(incoming.sourceTimeUtc) < Date.parse(current.sourceTimeUtc);
}
