import type { CanonicalEvent } from '@hub/event-store';
import { factsOf, type FactDraft } from './learner-fact.builder.js';
import type { LearnerFact } from './learner-fact.js';
import { imcRegistrationAction } from './imc-registration-status.js';
import { asPayload, calendarDateOrNull, field, hasField, idString, type Payload } from './payload-fields.js';

export const IMC_REGISTRATION_CHANGED = 'REGISTRATION_CHANGED';
export const IMC_RECERT_DUE_DATE_CHANGED = 'RECERT_DUE_DATE_CHANGED';

/** The user's external id when imc has one, else its internal `identifier`. */
function participantOf(payload: Payload | null, event: CanonicalEvent): string | null {
  return idString(field(payload, 'external-id')) ?? idString(field(payload, 'identifier')) ?? idString(event.PublisherParticipantId);
}

/**
 * A present `due-date` sets the date; present but null or empty clears it; absent says nothing. A value that is not
 * a date is dropped rather than guessed.
 */
function dueDateDraft(payload: Payload | null): FactDraft[] {
  if (!hasField(payload, 'due-date')) return [];
  const raw = field(payload, 'due-date');
  if (raw === null || raw === '') return [{ action: { kind: 'dueDateCleared' }, sourceStatus: null }];
  const dueDate = calendarDateOrNull(raw);
  return dueDate === null ? [] : [{ action: { kind: 'dueDateSet', dueDate }, sourceStatus: null }];
}

/** A registration change: its status (tables 4.2.1 and 4.2.2) and the course's due date; learning object = course-object-id. */
function mapRegistrationChange(event: CanonicalEvent, payload: Payload | null): LearnerFact[] {
  const participant = participantOf(payload, event);
  const course = idString(field(payload, 'course-object-id'));
  if (participant === null || course === null) return [];
  const status = idString(field(payload, 'status'));
  const initialStatus = idString(field(payload, 'initial-status'));
  const drafts: FactDraft[] = [];
  if (status !== null) drafts.push({ action: imcRegistrationAction(status, initialStatus), sourceStatus: status });
  drafts.push(...dueDateDraft(payload));
  return factsOf(event, { PublisherParticipantId: participant, LearningObjectId: course }, drafts);
}

/** A recertification due date belongs to the course template: learning object = template-object-id. */
function mapRecertDueDateChange(event: CanonicalEvent, payload: Payload | null): LearnerFact[] {
  const participant = participantOf(payload, event);
  const template = idString(field(payload, 'template-object-id'));
  if (participant === null || template === null) return [];
  return factsOf(event, { PublisherParticipantId: participant, LearningObjectId: template }, dueDateDraft(payload));
}

/** Login and course-change messages do not concern a learner record. */
export function mapImcEvent(event: CanonicalEvent): LearnerFact[] {
  const payload = asPayload(event.PublisherEventData);
  switch (event.EventType.trim().toUpperCase()) {
    case IMC_REGISTRATION_CHANGED:
      return mapRegistrationChange(event, payload);
    case IMC_RECERT_DUE_DATE_CHANGED:
      return mapRecertDueDateChange(event, payload);
    default:
      return [];
  }
}
