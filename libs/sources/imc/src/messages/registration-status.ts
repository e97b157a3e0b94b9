/** The learner-record states of the hub (DESIGN.md, "Learner records"). */
export type ImcLearnerStatus = 'ENROLLED' | 'WAITLISTED' | 'IN_PROGRESS' | 'COMPLETED' | 'FAILED' | 'UNENROLLED';

export interface ImcStatusDefinition {
  /** The status string as in the seed's table (the table's spelling, `CANCELED`). */
  code: string;
  /** The id from the table. NOTIFIED and REFUSED both show 4 there, so ids are informative only, never a key. */
  id: number;
  label: string;
  /** 4.2.1 (courses / learning paths) or 4.2.2 (course templates). */
  table: 'course' | 'course-template';
  /** What a learner record should say; null when the status is no registration the hub tracks (a wish list entry). */
  learnerStatus: ImcLearnerStatus | null;
}

function status(
  code: string,
  id: number,
  label: string,
  learnerStatus: ImcLearnerStatus | null,
  table: ImcStatusDefinition['table'] = 'course',
): ImcStatusDefinition {
  return { code, id, label, table, learnerStatus };
}

/** Seed section 4.2, in the seed's order. */
export const IMC_REGISTRATION_STATUSES: readonly ImcStatusDefinition[] = [
  status('NULL', 0, 'No relation', 'UNENROLLED'),
  status('SELECTED', 1, 'On the wish list', null),
  status('ORDERED', 2, 'Requested', 'WAITLISTED'),
  status('AGREED', 3, 'Confirmed', 'ENROLLED'),
  status('NOTIFIED', 4, 'Notified', 'ENROLLED'),
  status('REFUSED', 4, 'Not confirmed', 'UNENROLLED'),
  status('WAITING', 6, 'Waiting', 'WAITLISTED'),
  status('CANCELED', 7, 'Cancelled', 'UNENROLLED'),
  status('BOOKED', 8, 'Enrolled', 'ENROLLED'),
  status('STARTED', 9, 'In progress', 'IN_PROGRESS'),
  status('FINISHED', 10, 'Concluded', 'COMPLETED'),
  status('PASSED', 11, 'Passed', 'COMPLETED'),
  status('FAILED', 12, 'Failed', 'FAILED'),
  status('INDIVIDUAL_LEARNING_PLAN', 17, 'Personal syllabus', 'ENROLLED'),
  status('RESERVED_ON_PARTICIPANT_LIST', 18, 'Reserved', 'ENROLLED'),
  status('RESERVED_ON_WAITING_LIST', 19, 'Reserved on waiting list', 'WAITLISTED'),
  status('DELETE', 13, 'Deleted', 'UNENROLLED'),
  status('PREBOOKED', 16, 'Pre-booked', 'ENROLLED', 'course-template'),
  status('SUCCESSFULLY_COMPLETED', 20, 'Recertification: passed a course', 'COMPLETED', 'course-template'),
  status('NOT_SUCCESSFULLY_COMPLETED', 21, 'Recertification: failed a course', 'FAILED', 'course-template'),
];

/** The seed's sample says CANCELLED, its table CANCELED: both mean the same status. */
const ALIASES: ReadonlyMap<string, string> = new Map([['CANCELLED', 'CANCELED']]);

const BY_CODE: ReadonlyMap<string, ImcStatusDefinition> = new Map(IMC_REGISTRATION_STATUSES.map((s) => [s.code, s]));

export interface ImcRegistrationStatus {
  /** Exactly as received; learner records keep it as SourceStatus. */
  raw: string;
  /** Upper-cased, with the CANCELLED alias folded to CANCELED; for an unknown status the upper-cased string. */
  code: string;
  known: boolean;
  id: number | null;
  label: string | null;
  table: ImcStatusDefinition['table'] | null;
  learnerStatus: ImcLearnerStatus | null;
}

/** Looks a status string up in table 4.2. Unknown statuses are kept (known: false), never dropped. */
export function registrationStatusFrom(raw: string): ImcRegistrationStatus {
  const upper = raw.trim().toUpperCase();
  const code = ALIASES.get(upper) ?? upper;
  const definition = BY_CODE.get(code);
  if (!definition) return { raw, code, known: false, id: null, label: null, table: null, learnerStatus: null };
  return {
    raw,
    code,
    known: true,
    id: definition.id,
    label: definition.label,
    table: definition.table,
    learnerStatus: definition.learnerStatus,
  };
}
