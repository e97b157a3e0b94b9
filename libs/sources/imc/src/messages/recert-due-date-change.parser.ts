import { optionalCalendarDate, optionalId, optionalString, personOf, requiredEpochMillis, requiredId } from './imc-fields.js';
import type { ImcRecertDueDateChange } from './imc-message.types.js';
import type { JsonObject } from './json-value.js';
import { collectFieldErrors, type ImcParseResult } from './parse-result.js';

/** Seed 5.1. An empty or null `due-date` is kept as null: imc clears it once the next course is booked. */
export function parseImcRecertDueDateChange(json: JsonObject): ImcParseResult<ImcRecertDueDateChange> {
  return collectFieldErrors(() => {
    const person = personOf(json);
    const templateObjectId = requiredId(json, 'template-object-id');
    const sentAtMs = requiredEpochMillis(json, 'timestamp');
    return {
      kind: 'recert-due-date-change',
      participantId: person.participantId,
      userId: person.internalId,
      userExternalId: person.externalId,
      templateObjectId,
      templateComponentId: optionalId(json, 'template-component-id'),
      templateExternalId: optionalId(json, 'template-external-id'),
      dueDate: optionalCalendarDate(json, 'due-date'),
      sentAtMs,
      sentAtUtc: new Date(sentAtMs).toISOString(),
      summary: optionalString(json, 'summary'),
    };
  });
}
