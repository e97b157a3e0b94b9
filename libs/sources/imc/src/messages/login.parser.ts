import { optionalCount, optionalString, personOf, requiredEpochMillis } from './imc-fields.js';
import { ImcFieldError } from './imc-rejection.js';
import type { ImcLogin } from './imc-message.types.js';
import type { JsonObject } from './json-value.js';
import { collectFieldErrors, type ImcParseResult } from './parse-result.js';

/** Seed 2.1 / 2.2: `result` is "success" or "failed"; it decides the EventType, so anything else is refused. */
export function parseImcLogin(json: JsonObject): ImcParseResult<ImcLogin> {
  return collectFieldErrors(() => {
    const person = personOf(json);
    const sentAtMs = requiredEpochMillis(json, 'timestamp');
    return {
      kind: 'login',
      participantId: person.participantId,
      userId: person.internalId,
      userExternalId: person.externalId,
      login: optionalString(json, 'login'),
      result: loginResult(json),
      failedCount: optionalCount(json, 'failedCount'),
      sentAtMs,
      sentAtUtc: new Date(sentAtMs).toISOString(),
      summary: optionalString(json, 'summary'),
    };
  });
}

function loginResult(json: JsonObject): ImcLogin['result'] {
  const raw = optionalString(json, 'result');
  if (raw === null) throw new ImcFieldError({ code: 'missing_field', field: 'result', detail: 'result is required' });
  const result = raw.trim().toLowerCase();
  if (result === 'success' || result === 'failed') return result;
  throw new ImcFieldError({
    code: 'invalid_field',
    field: 'result',
    detail: `result must be "success" or "failed", got ${JSON.stringify(raw)}`,
  });
}
