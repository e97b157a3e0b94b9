import { ImcFieldError, type ImcRejectionCode } from './imc-rejection.js';
import { epochMillisFromImcTimestamp, parseImcCalendarDate, parseImcDateTime } from './imc-time.js';
import type { JsonObject, JsonValue } from './json-value.js';

/**
 * Typed readers for the fields of an imc message. Each throws ImcFieldError naming the field; the parsers catch it.
 * imc writes "not available" as an empty string (`"lastupdater-external-id": ""`), so for optional fields `""`,
 * `null` and a missing key all mean absent. Numbers arriving as numeric strings (and ids as numbers) are accepted:
 * the stored PublisherEventData keeps the original either way.
 */

function fail(code: ImcRejectionCode, field: string, detail: string): never {
  throw new ImcFieldError({ code, field, detail });
}

function isAbsent(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

export function optionalString(message: JsonObject, field: string): string | null {
  const value = message[field];
  if (isAbsent(value)) return null;
  if (typeof value !== 'string') fail('invalid_field', field, `${field} must be a string`);
  return value;
}

/** An internal or external id: a non-negative safe integer or a non-empty string, returned as a string. */
export function optionalId(message: JsonObject, field: string): string | null {
  const value = message[field];
  if (isAbsent(value)) return null;
  if (typeof value === 'number') {
    if (!Number.isSafeInteger(value) || value < 0) fail('invalid_field', field, `${field} must be a whole number id`);
    return String(value);
  }
  if (typeof value !== 'string') fail('invalid_field', field, `${field} must be an id (number or string)`);
  return value.trim();
}

export function requiredId(message: JsonObject, field: string): string {
  return optionalId(message, field) ?? fail('missing_field', field, `${field} is required`);
}

export function optionalNumber(message: JsonObject, field: string): number | null {
  const value = message[field];
  if (isAbsent(value)) return null;
  const number = typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) fail('invalid_field', field, `${field} must be a number`);
  return number;
}

export function optionalCount(message: JsonObject, field: string): number | null {
  const value = optionalNumber(message, field);
  if (value !== null && (!Number.isSafeInteger(value) || value < 0)) {
    fail('invalid_field', field, `${field} must be a whole number ≥ 0`);
  }
  return value;
}

/** Any JSON (imc documents `metadata`, `contents`, `catalog-assignment` as lists but not their items). */
export function optionalJson(message: JsonObject, field: string): JsonValue | null {
  const value = message[field];
  return value === undefined ? null : value;
}

export function requiredEpochMillis(message: JsonObject, field: string): number {
  const value = message[field];
  if (isAbsent(value)) fail('missing_field', field, `${field} is required`);
  return (
    epochMillisFromImcTimestamp(value) ??
    fail('invalid_field', field, `${field} must be epoch seconds or milliseconds, got ${JSON.stringify(value)}`)
  );
}

/** An instant such as `2021-05-19T00:00:00+0200`, as ISO UTC. */
export function optionalDateTime(message: JsonObject, field: string): string | null {
  const text = optionalString(message, field);
  if (text === null) return null;
  return parseImcDateTime(text) ?? fail('invalid_field', field, `${field} is not a date: ${JSON.stringify(text)}`);
}

/** A calendar date such as `2020-12-31`, as `YYYY-MM-DD`. */
export function optionalCalendarDate(message: JsonObject, field: string): string | null {
  const text = optionalString(message, field);
  if (text === null) return null;
  return parseImcCalendarDate(text) ?? fail('invalid_field', field, `${field} is not a date: ${JSON.stringify(text)}`);
}

export interface ImcPerson {
  /** `external-id` when present, else `identifier`: the hub's PublisherParticipantId. */
  participantId: string;
  externalId: string | null;
  internalId: string | null;
}

/** The user a message is about. imc marks the external id "if available", so the internal id is the fallback. */
export function personOf(message: JsonObject, externalField = 'external-id', internalField = 'identifier'): ImcPerson {
  const externalId = optionalId(message, externalField);
  const internalId = optionalId(message, internalField);
  const participantId =
    externalId ?? internalId ?? fail('missing_field', internalField, `neither ${externalField} nor ${internalField} is set`);
  return { participantId, externalId, internalId };
}
