import { FIELD_LIMITS, type EventCategory } from '@hub/event-store';
import type { FieldError } from '@hub/observability';
import { LB_EVENT_TYPES } from './lb-event-types.js';
import { toUtcIso } from './utc-date-time.js';

/** An LB event that passed validation, with its times already in canonical UTC form. */
export interface ValidatedLbEvent {
  PublisherProgramId: string;
  PublisherSystemId: 'LB';
  EventType: string;
  PublisherEventId: string;
  PublisherParticipantId: string;
  PublisherEventCategory: EventCategory | null;
  PublisherEventData: Record<string, unknown> | null;
  EventStartUtc: string;
  EventEndUtc: string;
}

export type LbValidation = { ok: true; events: ValidatedLbEvent[] } | { ok: false; errors: FieldError[] };

const KNOWN_FIELDS = new Set([
  'PublisherProgramId',
  'PublisherSystemId',
  'EventType',
  'PublisherEventId',
  'PublisherParticipantId',
  'PublisherEventCategory',
  'PublisherEventData',
  'EventStartUtc',
  'EventEndUtc',
]);
const EVENT_TYPES = new Set<string>(LB_EVENT_TYPES);

/**
 * Validates the whole request before anything is enqueued: one event or an array of up to `max`. Each rule of the
 * seed (required fields, lengths, the LB event types, UTC date-times) names its field, by index in an array
 * (`[3].EventType`). Hand-written rather than class-validator: it runs for every event on the hot path, twice.
 */
export function validateLbEvents(body: unknown, max: number): LbValidation {
  const isArray = Array.isArray(body);
  if (!isArray && (typeof body !== 'object' || body === null)) return fail('body', 'The body must be an event object or an array of events');
  const items: unknown[] = isArray ? body : [body];
  if (items.length === 0) return fail('body', 'The array holds no event');
  if (items.length > max) return fail('body', `At most ${max} events per request (got ${items.length})`);

  const errors: FieldError[] = [];
  const events: ValidatedLbEvent[] = [];
  for (let i = 0; i < items.length; i++) {
    const event = validateOne(items[i], isArray ? `[${i}]` : '', errors);
    if (event) events.push(event);
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, events };
}

/** An unknown key as a field name a reader can see: quoted when it is empty or not a plain identifier. */
function fieldName(key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? key : JSON.stringify(key);
}

function fail(field: string, message: string): LbValidation {
  return { ok: false, errors: [{ field, message }] };
}

function validateOne(item: unknown, prefix: string, errors: FieldError[]): ValidatedLbEvent | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    errors.push({ field: prefix || 'body', message: 'An event must be a JSON object' });
    return undefined;
  }
  const e = item as Record<string, unknown>;
  const before = errors.length;
  const field = (name: string) => (prefix ? `${prefix}.${name}` : name);
  const report = (name: string, message: string) => errors.push({ field: field(name), message });

  const text = (name: keyof typeof FIELD_LIMITS): string => {
    const value = e[name];
    if (value === undefined || value === null) report(name, `${name} is required`);
    else if (typeof value !== 'string') report(name, `${name} must be a string`);
    else if (value.length === 0 || value.length > FIELD_LIMITS[name]) report(name, `${name} must be 1 to ${FIELD_LIMITS[name]} characters`);
    else if (value.includes('\u0000')) report(name, `${name} must not contain NUL (\\u0000) characters`);
    else return value;
    return '';
  };
  const programId = text('PublisherProgramId');
  const systemId = e.PublisherSystemId;
  if (systemId !== 'LB') report('PublisherSystemId', systemId === undefined ? 'PublisherSystemId is required' : 'PublisherSystemId must be LB');
  const eventType = text('EventType');
  if (eventType && !EVENT_TYPES.has(eventType)) report('EventType', `EventType must be one of ${LB_EVENT_TYPES.join(', ')}`);
  const publisherEventId = text('PublisherEventId');
  const participantId = text('PublisherParticipantId');
  const category = readCategory(e.PublisherEventCategory, report);
  const data = e.PublisherEventData ?? null;
  if (data !== null && (typeof data !== 'object' || Array.isArray(data))) report('PublisherEventData', 'PublisherEventData must be a JSON object');
  else if (data !== null) {
    const problem = dataProblem(data, 0);
    if (problem) report('PublisherEventData', problem);
  }
  const start = readDateTime(e.EventStartUtc, 'EventStartUtc', true, report);
  const end = readDateTime(e.EventEndUtc, 'EventEndUtc', false, report);
  if (start && end && end < start) report('EventEndUtc', 'EventEndUtc must not be before EventStartUtc');
  for (const key of Object.keys(e)) if (!KNOWN_FIELDS.has(key)) report(fieldName(key), `property ${fieldName(key)} should not exist`);

  if (errors.length > before) return undefined;
  return {
    PublisherProgramId: programId,
    PublisherSystemId: 'LB',
    EventType: eventType,
    PublisherEventId: publisherEventId,
    PublisherParticipantId: participantId,
    PublisherEventCategory: category,
    PublisherEventData: data as Record<string, unknown> | null,
    EventStartUtc: start!,
    EventEndUtc: end ?? start!,
  };
}

function readCategory(value: unknown, report: (name: string, message: string) => void): EventCategory | null {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    report('PublisherEventCategory', 'PublisherEventCategory must be an object {value, label}');
    return null;
  }
  const c = value as Record<string, unknown>;
  const ok = (name: 'value' | 'label', max: number) => {
    const v = c[name];
    if (typeof v === 'string' && v.length > 0 && v.length <= max && !v.includes('\u0000')) return true;
    report(`PublisherEventCategory.${name}`, `PublisherEventCategory.${name} must be a string of 1 to ${max} characters`);
    return false;
  };
  const valid = ok('value', 100) && ok('label', 200);
  for (const key of Object.keys(c)) if (key !== 'value' && key !== 'label') report(`PublisherEventCategory.${fieldName(key)}`, `property ${fieldName(key)} should not exist`);
  return valid ? { value: c.value as string, label: c.label as string } : null;
}

function readDateTime(value: unknown, name: string, required: boolean, report: (name: string, message: string) => void): string | null {
  if (value === undefined || value === null) {
    if (required) report(name, `${name} is required`);
    return null;
  }
  const iso = typeof value === 'string' ? toUtcIso(value) : null;
  if (!iso) report(name, `${name} must be an ISO 8601 date-time`);
  return iso;
}

const MAX_DATA_DEPTH = 64;

/**
 * PostgreSQL text and jsonb cannot hold NUL characters: refuse them here, naming the field, rather than fail later.
 * Nesting is bounded too, so a hostile body cannot make this walk (or the store) recurse without end.
 */
function dataProblem(value: unknown, depth: number): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? 'PublisherEventData must not contain NUL (\\u0000) characters' : null;
  if (typeof value !== 'object' || value === null) return null;
  if (depth > MAX_DATA_DEPTH) return `PublisherEventData must not nest deeper than ${MAX_DATA_DEPTH} levels`;
  for (const key in value) {
    if (key.includes('\u0000')) return 'PublisherEventData must not contain NUL (\\u0000) characters';
    const problem = dataProblem((value as Record<string, unknown>)[key], depth + 1);
    if (problem) return problem;
  }
  return null;
}
