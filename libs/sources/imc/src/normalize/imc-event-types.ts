import type { EventCategory } from '@hub/event-store';
import { IMC_TOPIC } from '../imc-topics.js';
import type { ImcMessage, ImcMessageKind } from '../messages/imc-message.types.js';

/** The hub's EventType per imc kind and outcome. Learner records and subscribers match on these strings. */
export const IMC_EVENT_TYPES = {
  loginSucceeded: 'LOGIN_SUCCEEDED',
  loginFailed: 'LOGIN_FAILED',
  courseChanged: 'COURSE_CHANGED',
  registrationChanged: 'REGISTRATION_CHANGED',
  recertDueDateChanged: 'RECERT_DUE_DATE_CHANGED',
} as const;

export type ImcEventType = (typeof IMC_EVENT_TYPES)[keyof typeof IMC_EVENT_TYPES];

export function imcEventTypeOf(message: ImcMessage): ImcEventType {
  switch (message.kind) {
    case 'login':
      return message.result === 'success' ? IMC_EVENT_TYPES.loginSucceeded : IMC_EVENT_TYPES.loginFailed;
    case 'course-change':
      return IMC_EVENT_TYPES.courseChanged;
    case 'registration-change':
      return IMC_EVENT_TYPES.registrationChanged;
    case 'recert-due-date-change':
      return IMC_EVENT_TYPES.recertDueDateChanged;
  }
}

/**
 * imc's own classification is its topic list (seed section 1): value = the kind's main topic, label = imc's name for
 * it. Per kind, not per arrival topic: a registration change read from `_completions` is the same stored event as the
 * one from `_registrations`, so its category cannot depend on which copy arrived first.
 */
export const IMC_EVENT_CATEGORIES: Readonly<Record<ImcMessageKind, EventCategory>> = {
  login: { value: IMC_TOPIC.login, label: 'Login Events' },
  'course-change': { value: IMC_TOPIC.courseChanges, label: 'Course Events - Course Changes' },
  'registration-change': { value: IMC_TOPIC.registrations, label: 'Registration Events' },
  'recert-due-date-change': { value: IMC_TOPIC.recertDueDateChanges, label: 'Recertification Due Date Events' },
};
