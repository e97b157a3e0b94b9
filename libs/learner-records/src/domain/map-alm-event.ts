import type { CanonicalEvent } from '@hub/event-store';
import { factsOf } from './learner-fact.builder.js';
import type { LearnerFact } from './learner-fact.js';
import type { LearningAction } from './learning-action.js';
import { asPayload, booleanOrNull, field, idString, percentOrNull, type Payload } from './payload-fields.js';

/**
 * ALM names follow `<LO TYPE>_<WHAT>[_BATCH]` (COURSE, LEARNING_PATH, CERTIFICATION; newer releases add more).
 * Matching the suffix keeps real-time and batch variants, and LO types ALM adds later, on the same action.
 * Unenrolment is tested before enrolment because it ends with the same word.
 */
function actionFor(eventName: string, data: Payload | null): LearningAction | null {
  const name = eventName.replace(/_BATCH$/, '');
  if (name.endsWith('_UNENROLLMENT')) return { kind: 'unenrol' };
  if (name.endsWith('_ENROLLMENT')) return { kind: 'enrol' };
  // e.g. LEARNING_PATH_COMPLETION_ROLLBACK: a completion taken back is a reopen.
  if (name.endsWith('_COMPLETION_ROLLBACK') || name.endsWith('_COMPLETED_ROLLBACK')) return { kind: 'reopen' };
  if (name.endsWith('_COMPLETED') || name.endsWith('_COMPLETION')) {
    const passed = booleanOrNull(field(data, 'hasPassed', 'passed', 'success'));
    return { kind: 'complete', outcome: passed === true ? 'passed' : passed === false ? 'failed' : 'unknown' };
  }
  if (name === 'LEARNER_PROGRESS') {
    const percent = percentOrNull(field(data, 'progressPercent', 'percentProgress', 'percentComplete', 'progress'));
    return percent === null ? { kind: 'start' } : { kind: 'progress', percent };
  }
  // CI_STATS, LEARNING_OBJECT_* and unknown names describe objects, not a learner.
  return null;
}

/** The seed mixes `learning_program:` and `learningProgram:` for the same object; ALM's API says learningProgram. */
function canonicalLoId(id: string): string {
  return id.replace(/^learning_program:/i, 'learningProgram:');
}

/**
 * PublisherEventData is one event of the webhook body (`{eventId, eventName, timestamp, eventInfo, data}` plus
 * `accountId`). ALM identifies a record by `userId` + `loInstanceId`; certifications have no instances in ALM, so
 * `loId` stands in when `loInstanceId` is missing.
 */
export function mapAlmEvent(event: CanonicalEvent): LearnerFact[] {
  const payload = asPayload(event.PublisherEventData);
  const data = asPayload(field(payload, 'data'));
  const eventName = (idString(event.EventType) ?? idString(field(payload, 'eventName')) ?? '').toUpperCase();
  const action = actionFor(eventName, data);
  const participant = idString(field(data, 'userId')) ?? idString(event.PublisherParticipantId);
  const learningObject = idString(field(data, 'loInstanceId')) ?? idString(field(data, 'loId'));
  if (action === null || participant === null || learningObject === null) return [];
  return factsOf(event, { PublisherParticipantId: participant, LearningObjectId: canonicalLoId(learningObject) }, [
    { action, sourceStatus: eventName },
  ]);
}
