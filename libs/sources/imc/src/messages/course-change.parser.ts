import {
  optionalDateTime,
  optionalId,
  optionalJson,
  optionalString,
  requiredEpochMillis,
  requiredId,
} from './imc-fields.js';
import type { ImcCourseChange } from './imc-message.types.js';
import type { JsonObject } from './json-value.js';
import { collectFieldErrors, type ImcParseResult } from './parse-result.js';

/** Seed 3.1. `object-id` is required: it is the course's identity in the catalogue and in learner records. */
export function parseImcCourseChange(json: JsonObject): ImcParseResult<ImcCourseChange> {
  return collectFieldErrors(() => {
    const courseId = requiredId(json, 'object-id');
    const externalId = optionalId(json, 'external-id');
    const sentAtMs = requiredEpochMillis(json, 'timestamp');
    return {
      kind: 'course-change',
      // The course is what the event is about; same rule as for users: external id when present.
      participantId: externalId ?? courseId,
      courseId,
      externalId,
      componentId: optionalId(json, 'component-id'),
      syllabusLink: optionalString(json, 'syllabus-link'),
      title: optionalString(json, 'title'),
      description: optionalString(json, 'description'),
      startDateUtc: optionalDateTime(json, 'start-date'),
      endDateUtc: optionalDateTime(json, 'end-date'),
      durationOfUse: optionalString(json, 'duration-of-use'),
      learningForm: optionalString(json, 'learning-form'),
      lastUpdatedUtc: optionalDateTime(json, 'lastupdated'),
      lastUpdaterExternalId: optionalId(json, 'lastupdater-external-id'),
      lastUpdaterPersonId: optionalId(json, 'lastupdater-person-id'),
      metadata: optionalJson(json, 'metadata'),
      contents: optionalJson(json, 'contents'),
      catalogAssignment: optionalJson(json, 'catalog-assignment'),
      sentAtMs,
      sentAtUtc: new Date(sentAtMs).toISOString(),
      summary: optionalString(json, 'summary'),
    };
  });
}
