import type { CanonicalEvent } from '@hub/event-store';
import { factsOf } from './learner-fact.builder.js';
import type { LearnerFact } from './learner-fact.js';
import type { LearningAction } from './learning-action.js';
import { asPayload, booleanOrNull, field, idString, percentOrNull, type Payload } from './payload-fields.js';

const ADL = 'http://adlnet.gov/expapi/verbs/';
/** cmi5's progress extension, the one widely used place for a percentage in xAPI results. */
const CMI5_PROGRESS = 'https://w3id.org/xapi/cmi5/result/extensions/progress';

function outcomeOf(result: Payload | null): 'passed' | 'failed' | 'unknown' {
  const success = booleanOrNull(field(result, 'success'));
  return success === true ? 'passed' : success === false ? 'failed' : 'unknown';
}

/**
 * Verbs that say something about where a learner stands. `completed` is the one imc's partner endpoint sends; the
 * others are the obvious ADL verbs. Everything else (experienced, answered, voided, ...) is left to the event log.
 */
function actionFor(verbId: string, result: Payload | null): LearningAction | null {
  switch (verbId) {
    case `${ADL}completed`:
      return { kind: 'complete', outcome: outcomeOf(result) };
    case `${ADL}passed`:
      return { kind: 'complete', outcome: 'passed' };
    case `${ADL}failed`:
      return { kind: 'complete', outcome: 'failed' };
    case `${ADL}registered`:
      return { kind: 'enrol' };
    case `${ADL}launched`:
    case `${ADL}initialized`:
    case `${ADL}attempted`:
      return { kind: 'start' };
    case `${ADL}progressed`: {
      const percent = percentOrNull(field(asPayload(field(result, 'extensions')), CMI5_PROGRESS));
      return percent === null ? { kind: 'start' } : { kind: 'progress', percent };
    }
    default:
      return null;
  }
}

/**
 * PublisherEventData is the xAPI statement; the learning object is the activity `object.id` (an opaque URN for imc
 * partners) and the participant is the normalizer's PublisherParticipantId (from the actor). Statements about
 * agents or other statements have no learning object.
 */
export function mapXapiEvent(event: CanonicalEvent): LearnerFact[] {
  const statement = asPayload(event.PublisherEventData);
  const verbId = idString(field(asPayload(field(statement, 'verb')), 'id'));
  const object = asPayload(field(statement, 'object'));
  const objectType = idString(field(object, 'objectType')) ?? 'Activity';
  const learningObject = idString(field(object, 'id'));
  const participant = idString(event.PublisherParticipantId);
  const action = verbId === null ? null : actionFor(verbId, asPayload(field(statement, 'result')));
  if (action === null || objectType !== 'Activity' || learningObject === null || participant === null) return [];
  return factsOf(event, { PublisherParticipantId: participant, LearningObjectId: learningObject }, [
    { action, sourceStatus: verbId },
  ]);
}
