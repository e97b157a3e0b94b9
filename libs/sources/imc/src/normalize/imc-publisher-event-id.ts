import type { ImcMessage } from '../messages/imc-message.types.js';

/**
 * imc messages carry no id, so the PublisherEventId is composed from what the event is about:
 * `{kind}:{participant}:{learning object}:{timestamp in ms}` (the course change is about the course itself, so it
 * names the course once). Readable and stable across redeliveries, but not the idempotency key: two different
 * messages in the same millisecond could share it; EventId (from the body hash) never does.
 */
export function imcPublisherEventId(message: ImcMessage): string {
  switch (message.kind) {
    case 'login':
      return `login:${message.participantId}:${message.sentAtMs}`;
    case 'course-change':
      return `course-change:${message.courseId}:${message.sentAtMs}`;
    case 'registration-change':
      return `registration-change:${message.participantId}:${message.courseObjectId}:${message.sentAtMs}`;
    case 'recert-due-date-change':
      return `recert-due-date-change:${message.participantId}:${message.templateObjectId}:${message.sentAtMs}`;
  }
}
