import type { ImcCourseChange } from '../messages/imc-message.types.js';
import type { JsonValue } from '../messages/json-value.js';

/** One row of the imc course catalogue (`GET /api/v1/imc/courses`), as taken from a course-change message. */
export interface ImcCourseUpdate {
  /** `object-id`, the version-independent id; the same LearningObjectId learner records use. */
  courseId: string;
  externalId: string | null;
  componentId: string | null;
  title: string | null;
  description: string | null;
  syllabusLink: string | null;
  learningForm: string | null;
  durationOfUse: string | null;
  startDateUtc: string | null;
  endDateUtc: string | null;
  lastUpdatedUtc: string | null;
  lastUpdaterExternalId: string | null;
  lastUpdaterPersonId: string | null;
  metadata: JsonValue | null;
  contents: JsonValue | null;
  catalogAssignment: JsonValue | null;
  /** The message `timestamp` (ISO UTC): the order in which course changes apply. */
  sourceTime: string;
}

export function courseUpdateFrom(parsed: ImcCourseChange): ImcCourseUpdate {
  return {
    courseId: parsed.courseId,
    externalId: parsed.externalId,
    componentId: parsed.componentId,
    title: parsed.title,
    description: parsed.description,
    syllabusLink: parsed.syllabusLink,
    learningForm: parsed.learningForm,
    durationOfUse: parsed.durationOfUse,
    startDateUtc: parsed.startDateUtc,
    endDateUtc: parsed.endDateUtc,
    lastUpdatedUtc: parsed.lastUpdatedUtc,
    lastUpdaterExternalId: parsed.lastUpdaterExternalId,
    lastUpdaterPersonId: parsed.lastUpdaterPersonId,
    metadata: parsed.metadata,
    contents: parsed.contents,
    catalogAssignment: parsed.catalogAssignment,
    sourceTime: parsed.sentAtUtc,
  };
}

/**
 * Last writer wins by source time: an update replaces the stored row only when its `sourceTime` is later; on a tie,
 * when its `lastUpdatedUtc` is later. A redelivered or older message therefore never overwrites a newer one,
 * whatever order the broker delivers them in.
 */
export function supersedesCourseUpdate(
  incoming: Pick<ImcCourseUpdate, 'sourceTime' | 'lastUpdatedUtc'>,
  current: Pick<ImcCourseUpdate, 'sourceTime' | 'lastUpdatedUtc'> | null,
): boolean {
  if (current === null) return true;
  const bySource = Date.parse(incoming.sourceTime) - Date.parse(current.sourceTime);
  if (bySource !== 0) return bySource > 0;
  if (incoming.lastUpdatedUtc === null || current.lastUpdatedUtc === null) return false;
  return Date.parse(incoming.lastUpdatedUtc) > Date.parse(current.lastUpdatedUtc);
}
