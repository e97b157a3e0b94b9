import type { EventCategory } from '@hub/event-store';

/**
 * Every webhook event name ALM documents (15 real-time, 12 non-real-time), from the two seed pages'
 * tables. The catalogue says, per name, what the event is about and where the hub takes its canonical
 * fields from; names not listed here are still stored (see `UNKNOWN_ALM_EVENT`).
 */

/** What happened. Doubles as the stable `PublisherEventCategory.value`. */
export type AlmEventKind =
  | 'enrollment'
  | 'unenrollment'
  | 'completion'
  | 'progress'
  | 'learning_object'
  | 'learning_object_instance'
  | 'instance_stats'
  | 'other';

/** Who or what the event is about: a learner (keyed `userId` + `loInstanceId`) or a catalogue entity. */
export type AlmEventSubject = 'learner' | 'learning-object' | 'learning-object-instance' | 'unknown';

export type AlmLoType = 'course' | 'learningProgram' | 'certification';

/** The `data` field that becomes `PublisherParticipantId`. */
export type AlmParticipantField = 'userId' | 'loId' | 'loInstanceId';

/** The `data` date that becomes `EventStartUtc` when present; otherwise the event `timestamp` is used. */
export type AlmTimeField = 'dateEnrolled' | 'dateCompleted' | 'dateStarted';

/** How a learning-object or instance event changes the hub's small catalogue. */
export type AlmCatalogueAction = 'draft' | 'modification' | 'deletion' | 'seat-stats';

export interface AlmEventDefinition {
  name: string;
  kind: AlmEventKind;
  subject: AlmEventSubject;
  /** False for the `*_BATCH` events (admin, manager, platform or migration) and `LEARNER_PROGRESS`. */
  realTime: boolean;
  /** For a `*_BATCH` event, its real-time counterpart. */
  batchOf: string | null;
  /** The LO type the name implies, or null when it covers every type (`LEARNING_OBJECT_*`, progress). */
  loType: AlmLoType | null;
  participantField: AlmParticipantField;
  timeField: AlmTimeField | null;
  catalogueAction: AlmCatalogueAction | null;
  category: EventCategory;
}

export const ALM_EVENT_CATEGORIES: Readonly<Record<AlmEventKind, EventCategory>> = {
  enrollment: { value: 'enrollment', label: 'Enrollment' },
  unenrollment: { value: 'unenrollment', label: 'Unenrollment' },
  completion: { value: 'completion', label: 'Completion' },
  progress: { value: 'progress', label: 'Progress' },
  learning_object: { value: 'learning_object', label: 'Learning object' },
  learning_object_instance: { value: 'learning_object_instance', label: 'Learning object instance' },
  instance_stats: { value: 'instance_stats', label: 'Course instance seats' },
  other: { value: 'other', label: 'Other' },
};

const LEARNER_TIME_FIELD: Readonly<Partial<Record<AlmEventKind, AlmTimeField>>> = {
  enrollment: 'dateEnrolled',
  completion: 'dateCompleted',
  progress: 'dateStarted',
};

function learnerEvent<N extends string>(
  name: N,
  kind: AlmEventKind,
  loType: AlmLoType | null,
  realTime = true,
): AlmEventDefinition & { name: N } {
  return {
    name,
    kind,
    subject: 'learner',
    realTime,
    batchOf: name.endsWith('_BATCH') ? name.slice(0, -'_BATCH'.length) : null,
    loType,
    participantField: 'userId',
    timeField: LEARNER_TIME_FIELD[kind] ?? null,
    catalogueAction: null,
    category: ALM_EVENT_CATEGORIES[kind],
  };
}

function catalogueEvent<N extends string>(
  name: N,
  kind: 'learning_object' | 'learning_object_instance' | 'instance_stats',
  action: AlmCatalogueAction,
  realTime = true,
): AlmEventDefinition & { name: N } {
  const aboutLo = kind === 'learning_object';
  return {
    name,
    kind,
    subject: aboutLo ? 'learning-object' : 'learning-object-instance',
    realTime,
    batchOf: name.endsWith('_BATCH') ? name.slice(0, -'_BATCH'.length) : null,
    loType: kind === 'instance_stats' ? 'course' : null,
    participantField: aboutLo ? 'loId' : 'loInstanceId',
    timeField: null,
    catalogueAction: action,
    category: ALM_EVENT_CATEGORIES[kind],
  };
}

/** Readability marker for the non-real-time table. */
const BATCH = false;

const DEFINITIONS = [
  // Real-time (table "Echtzeit-Events", 15 names)
  catalogueEvent('CI_STATS', 'instance_stats', 'seat-stats'),
  learnerEvent('COURSE_ENROLLMENT', 'enrollment', 'course'),
  learnerEvent('COURSE_COMPLETED', 'completion', 'course'),
  learnerEvent('LEARNING_PATH_ENROLLMENT', 'enrollment', 'learningProgram'),
  learnerEvent('LEARNING_PATH_COMPLETED', 'completion', 'learningProgram'),
  learnerEvent('CERTIFICATION_ENROLLMENT', 'enrollment', 'certification'),
  learnerEvent('CERTIFICATION_COMPLETED', 'completion', 'certification'),
  learnerEvent('COURSE_UNENROLLMENT', 'unenrollment', 'course'),
  learnerEvent('LEARNING_PATH_UNENROLLMENT', 'unenrollment', 'learningProgram'),
  learnerEvent('CERTIFICATION_UNENROLLMENT', 'unenrollment', 'certification'),
  catalogueEvent('LEARNING_OBJECT_DRAFT', 'learning_object', 'draft'),
  catalogueEvent('LEARNING_OBJECT_DELETION', 'learning_object', 'deletion'),
  catalogueEvent('LEARNING_OBJECT_MODIFICATION', 'learning_object', 'modification'),
  catalogueEvent('LEARNING_OBJECT_INSTANCE_MODIFICATION', 'learning_object_instance', 'modification'),
  catalogueEvent('LEARNING_OBJECT_INSTANCE_DELETION', 'learning_object_instance', 'deletion'),
  // Not real-time (table "Ereignisse, die nicht in Echtzeit erfolgen", 12 names)
  learnerEvent('COURSE_ENROLLMENT_BATCH', 'enrollment', 'course', BATCH),
  learnerEvent('COURSE_COMPLETED_BATCH', 'completion', 'course', BATCH),
  learnerEvent('LEARNING_PATH_ENROLLMENT_BATCH', 'enrollment', 'learningProgram', BATCH),
  learnerEvent('LEARNING_PATH_COMPLETED_BATCH', 'completion', 'learningProgram', BATCH),
  learnerEvent('CERTIFICATION_ENROLLMENT_BATCH', 'enrollment', 'certification', BATCH),
  learnerEvent('CERTIFICATION_COMPLETED_BATCH', 'completion', 'certification', BATCH),
  learnerEvent('LEARNER_PROGRESS', 'progress', null, BATCH),
  learnerEvent('COURSE_UNENROLLMENT_BATCH', 'unenrollment', 'course', BATCH),
  learnerEvent('LEARNING_PATH_UNENROLLMENT_BATCH', 'unenrollment', 'learningProgram', BATCH),
  learnerEvent('CERTIFICATION_UNENROLLMENT_BATCH', 'unenrollment', 'certification', BATCH),
  catalogueEvent('LEARNING_OBJECT_MODIFICATION_BATCH', 'learning_object', 'modification', BATCH),
  catalogueEvent('LEARNING_OBJECT_INSTANCE_MODIFICATION_BATCH', 'learning_object_instance', 'modification', BATCH),
];

export type AlmEventName = (typeof DEFINITIONS)[number]['name'];

/** All 27 documented names, real-time first, in the seeds' table order. */
export const ALM_EVENT_NAMES: readonly AlmEventName[] = DEFINITIONS.map((d) => d.name);

/** The catalogue keyed by name. A Map, so an event named `constructor` or `__proto__` finds nothing. */
export const ALM_EVENT_CATALOGUE: ReadonlyMap<string, AlmEventDefinition> = new Map(DEFINITIONS.map((d) => [d.name, d]));

/** The definition of a documented name, or undefined for names ALM added later (or never documented). */
export function almEventDefinition(eventName: string): AlmEventDefinition | undefined {
  return ALM_EVENT_CATALOGUE.get(eventName);
}

export function isDocumentedAlmEvent(eventName: string): eventName is AlmEventName {
  return ALM_EVENT_CATALOGUE.has(eventName);
}
