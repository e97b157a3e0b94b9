import type { JsonValue } from './json-value.js';
import type { ImcRegistrationStatus } from './registration-status.js';

export type ImcMessageKind = 'login' | 'course-change' | 'registration-change' | 'recert-due-date-change';

/** What every imc message carries. */
interface ImcMessageBase {
  /** `timestamp` as epoch milliseconds, whatever unit imc used (see imc-time.ts). */
  sentAtMs: number;
  /** The same instant as ISO 8601 UTC. */
  sentAtUtc: string;
  summary: string | null;
  /** The hub's PublisherParticipantId: the user's (or, for a course change, the course's) external id, else internal id. */
  participantId: string;
}

/** Seed 2.1 / 2.2. */
export interface ImcLogin extends ImcMessageBase {
  kind: 'login';
  login: string | null;
  userId: string | null;
  userExternalId: string | null;
  result: 'success' | 'failed';
  failedCount: number | null;
}

/** Seed 3.1. Ids as strings; dates as ISO UTC. */
export interface ImcCourseChange extends ImcMessageBase {
  kind: 'course-change';
  /** `object-id`: the version-independent id, the learning object id everywhere in the hub. */
  courseId: string;
  externalId: string | null;
  /** `component-id`: the version-specific id. */
  componentId: string | null;
  syllabusLink: string | null;
  title: string | null;
  description: string | null;
  startDateUtc: string | null;
  endDateUtc: string | null;
  durationOfUse: string | null;
  learningForm: string | null;
  lastUpdatedUtc: string | null;
  lastUpdaterExternalId: string | null;
  lastUpdaterPersonId: string | null;
  metadata: JsonValue | null;
  contents: JsonValue | null;
  catalogAssignment: JsonValue | null;
}

/** Seed 4.1. */
export interface ImcRegistrationChange extends ImcMessageBase {
  kind: 'registration-change';
  userId: string | null;
  userExternalId: string | null;
  /** `course-object-id`: the learning object of the learner record. */
  courseObjectId: string;
  courseComponentId: string | null;
  courseExternalId: string | null;
  initialStatus: ImcRegistrationStatus | null;
  status: ImcRegistrationStatus;
  /** `YYYY-MM-DD`. */
  dueDate: string | null;
  /** `YYYY-MM-DD`. */
  expirationOfQualification: string | null;
  price: number | null;
  currency: string | null;
  ordererId: string | null;
  cancellationReasonId: string | null;
}

/** Seed 5.1. */
export interface ImcRecertDueDateChange extends ImcMessageBase {
  kind: 'recert-due-date-change';
  userId: string | null;
  userExternalId: string | null;
  /** `template-object-id`: the course template the recertification belongs to. */
  templateObjectId: string;
  templateComponentId: string | null;
  templateExternalId: string | null;
  /** `YYYY-MM-DD`, or null when imc cleared it (the next course was booked). */
  dueDate: string | null;
}

export type ImcMessage = ImcLogin | ImcCourseChange | ImcRegistrationChange | ImcRecertDueDateChange;
