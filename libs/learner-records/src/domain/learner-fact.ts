import type { PublisherSystemId } from '@hub/event-store';
import type { LearningAction } from './learning-action.js';

/** Which record a fact belongs to: one record per system, program, participant and learning object. */
export interface LearnerRecordKey {
  PublisherSystemId: PublisherSystemId;
  PublisherProgramId: string;
  PublisherParticipantId: string;
  LearningObjectId: string;
}

/**
 * One learning action of one learner, derived from one canonical event. Facts are a pure function of the event,
 * so the same log always yields the same facts: that is what makes a rebuild equal incremental processing.
 */
export interface LearnerFact extends LearnerRecordKey {
  Action: LearningAction;
  /** The source's own word for it (ALM event name, imc status, LB event type, xAPI verb id); null for due dates. */
  SourceStatus: string | null;
  /** Source time, always in `Date.prototype.toISOString()` form so that string order is time order. */
  SourceUtc: string;
  EventId: string;
  /** Position among the facts of its event (an imc registration change gives a status and a due date). */
  FactIndex: number;
}

/** A stable string for maps and unique indexes; JSON so no separator inside an id can collide. */
export function recordKeyOf(key: LearnerRecordKey): string {
  return JSON.stringify([key.PublisherSystemId, key.PublisherProgramId, key.PublisherParticipantId, key.LearningObjectId]);
}

export function sameRecordKey(a: LearnerRecordKey, b: LearnerRecordKey): boolean {
  return (
    a.PublisherSystemId === b.PublisherSystemId &&
    a.PublisherProgramId === b.PublisherProgramId &&
    a.PublisherParticipantId === b.PublisherParticipantId &&
    a.LearningObjectId === b.LearningObjectId
  );
}

/** Identity of a fact for de-duplication: a redelivered event has the same EventId and yields the same facts. */
export function factIdOf(fact: Pick<LearnerFact, 'EventId' | 'FactIndex'>): string {
  return `${fact.FactIndex}:${fact.EventId}`;
}
