import type { CanonicalEvent } from '@hub/event-store';
import { factsOf } from './learner-fact.builder.js';
import type { LearnerFact } from './learner-fact.js';
import type { LearningAction } from './learning-action.js';
import { asPayload, booleanOrNull, field, idString, percentOrNull, type Payload } from './payload-fields.js';

const ADL = 'http://adlnet.gov/expapi/verbs/';
const VOIDED = `${ADL}voided`;

/**
 * Where the xAPI normalizer puts, in the PublisherEventData of a voiding Statement's event, what the mapping needs of
 * the Statement it voids: that Statement's canonical `EventId` and `PublisherParticipantId`, and as `PublisherEventData`
 * the Statement (at least its `verb`, `object` and `result`). The voiding Statement's own actor may be someone else
 * (an administrator), so only this says whose record the void belongs to, and the mapping stays a function of the
 * event alone. Absent when the LRS did not hold the voided Statement when the voiding one was normalized.
 */
export const XAPI_VOIDED_EVENT_FIELD = 'hub:voidedEvent';

/**
 * Set (to true) by the xAPI normalizer on the event of a Statement the LRS stored as already voided: its voiding
 * Statement reached the LRS first (xAPI allows that), so that one could not say whose record it concerns. Such a
 * Statement gives no facts.
 */
export const XAPI_VOIDED_ON_ARRIVAL_FIELD = 'hub:voided';

export interface XapiVoidedEvent {
  EventId: string;
  PublisherEventId: string;
  PublisherParticipantId: string;
  EventStartUtc: string;
  PublisherEventData: Record<string, unknown>;
}
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
  if (verbId === VOIDED) return voidFacts(event, statement);
  if (statement?.[XAPI_VOIDED_ON_ARRIVAL_FIELD] === true) return [];
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

/**
 * A voiding Statement takes back the facts of the Statement it voids: one void fact per fact that Statement gives, in
 * the same record. A voided Statement that gives no facts (an `experienced`, a Statement about an agent) needs no void.
 */
function voidFacts(event: CanonicalEvent, statement: Payload | null): LearnerFact[] {
  const voided = asPayload(statement?.[XAPI_VOIDED_EVENT_FIELD]);
  const voidedEventId = idString(voided?.['EventId']);
  const voidedStatement = asPayload(voided?.['PublisherEventData']);
  if (voided === null || voidedEventId === null || voidedStatement === null) return [];
  // The voided Statement's facts, placed at the voiding event's time: only their key matters here. A voiding
  // Statement cannot be voided (the LRS refuses it), so this does not recurse.
  if (idString(field(asPayload(voidedStatement['verb']), 'id')) === VOIDED) return [];
  const voidedFacts = mapXapiEvent({
    ...event,
    EventId: voidedEventId,
    PublisherParticipantId: idString(voided['PublisherParticipantId']) ?? '',
    PublisherEventData: voidedStatement,
  });
  return voidedFacts.flatMap((fact, index) =>
    factsOf(event, fact, [{ action: { kind: 'void', voidedEventId }, sourceStatus: VOIDED }]).map((v) => ({ ...v, FactIndex: index })),
  );
}
