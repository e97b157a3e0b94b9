import type { CanonicalEvent } from '@hub/event-store';
import type { LearnerFact, LearnerRecordKey } from './learner-fact.js';
import type { LearningAction } from './learning-action.js';
import { isoUtcOrNull } from './payload-fields.js';

export interface FactDraft {
  action: LearningAction;
  sourceStatus: string | null;
}

/**
 * Stamps the drafts of one event with its key, id, time and index. An event without a usable source time cannot be
 * placed in the order, so it yields no facts (normalizers guarantee EventStartUtc; this is a last guard).
 */
export function factsOf(
  event: CanonicalEvent,
  key: Omit<LearnerRecordKey, 'PublisherSystemId' | 'PublisherProgramId'>,
  drafts: readonly FactDraft[],
): LearnerFact[] {
  const sourceUtc = isoUtcOrNull(event.EventStartUtc);
  if (sourceUtc === null) return [];
  return drafts.map((draft, index) => ({
    PublisherSystemId: event.PublisherSystemId,
    PublisherProgramId: event.PublisherProgramId,
    PublisherParticipantId: key.PublisherParticipantId,
    LearningObjectId: key.LearningObjectId,
    Action: draft.action,
    SourceStatus: draft.sourceStatus,
    SourceUtc: sourceUtc,
    EventId: event.EventId,
    FactIndex: index,
  }));
}
