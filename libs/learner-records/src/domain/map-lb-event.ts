import type { CanonicalEvent } from '@hub/event-store';
import { factsOf } from './learner-fact.builder.js';
import type { LearnerFact } from './learner-fact.js';
import type { LearningAction } from './learning-action.js';

/** LearningBuilder event types (learning-hub-event-model.txt): LPI = learning plan instance, AI = activity instance. */
const LB_ACTIONS: Readonly<Record<string, LearningAction>> = {
  LPI_STARTED: { kind: 'start' },
  LPI_COMP_SUCCESS: { kind: 'complete', outcome: 'passed' },
  LPI_COMP_UNSUCCESS: { kind: 'complete', outcome: 'failed' },
  LPI_REOPENED: { kind: 'reopen' },
  AI_STARTED: { kind: 'start' },
  AI_COMP_SUCCESS: { kind: 'complete', outcome: 'passed' },
  AI_COMP_UNSUCCESS: { kind: 'complete', outcome: 'failed' },
  AI_REOPENED: { kind: 'reopen' },
};

/**
 * LB's PublisherEventId is entity-scoped (`AI:1234`): it names the learning object, and one entity carries all
 * its events (started, completed, reopened, completed again), so it is the learning object id.
 */
export function mapLbEvent(event: CanonicalEvent): LearnerFact[] {
  const eventType = event.EventType.trim().toUpperCase();
  const action = LB_ACTIONS[eventType];
  const participant = event.PublisherParticipantId.trim();
  const learningObject = event.PublisherEventId.trim();
  if (!action || participant === '' || learningObject === '') return [];
  return factsOf(event, { PublisherParticipantId: participant, LearningObjectId: learningObject }, [
    { action, sourceStatus: eventType },
  ]);
}
