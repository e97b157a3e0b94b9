import {
  optionalCalendarDate,
  optionalId,
  optionalNumber,
  optionalString,
  personOf,
  requiredEpochMillis,
  requiredId,
} from './imc-fields.js';
import { ImcFieldError } from './imc-rejection.js';
import type { ImcRegistrationChange } from './imc-message.types.js';
import type { JsonObject } from './json-value.js';
import { collectFieldErrors, type ImcParseResult } from './parse-result.js';
import { registrationStatusFrom, type ImcRegistrationStatus } from './registration-status.js';

/** Seed 4.1. The same message arrives on `_registrations` and on `_completions` or `_cancellations`. */
export function parseImcRegistrationChange(json: JsonObject): ImcParseResult<ImcRegistrationChange> {
  return collectFieldErrors(() => {
    const person = personOf(json);
    const courseObjectId = requiredId(json, 'course-object-id');
    const status = statusOf(json, 'status');
    if (status === null) throw new ImcFieldError({ code: 'missing_field', field: 'status', detail: 'status is required' });
    const sentAtMs = requiredEpochMillis(json, 'timestamp');
    return {
      kind: 'registration-change',
      participantId: person.participantId,
      userId: person.internalId,
      userExternalId: person.externalId,
      courseObjectId,
      courseComponentId: optionalId(json, 'course-component-id'),
      courseExternalId: optionalId(json, 'course-external-id'),
      initialStatus: statusOf(json, 'initial-status'),
      status,
      dueDate: optionalCalendarDate(json, 'due-date'),
      expirationOfQualification: optionalCalendarDate(json, 'expiration-of-qualification'),
      price: optionalNumber(json, 'price'),
      currency: optionalString(json, 'currency'),
      ordererId: optionalId(json, 'orderer'),
      cancellationReasonId: optionalId(json, 'cancellation-reason'),
      sentAtMs,
      sentAtUtc: new Date(sentAtMs).toISOString(),
      summary: optionalString(json, 'summary'),
    };
  });
}

function statusOf(json: JsonObject, field: string): ImcRegistrationStatus | null {
  const raw = optionalString(json, field);
  return raw === null ? null : registrationStatusFrom(raw);
}
