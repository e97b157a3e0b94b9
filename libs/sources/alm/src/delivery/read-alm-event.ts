import { FIELD_LIMITS } from '@hub/event-store';
import { almEventDefinition, type AlmEventDefinition } from '../events/alm-event-catalogue.js';
import { canonicalLoId, canonicalLoType, idText, loIdFromInstanceId, loTypeFromId } from '../ids/alm-ids.js';
import { toUtcIso } from '../time/alm-timestamp.js';
import type { AlmEvent, AlmEventFacts, RejectedAlmEvent } from './alm-delivery.types.js';
import { isJsonObject, type JsonObject, type JsonValue } from './safe-json-tree.js';

export type ReadAlmEventResult = { ok: true; event: AlmEvent; warnings: string[] } | { ok: false; rejected: RejectedAlmEvent };

/** For names ALM did not document the data's own dates are a last resort: the event `timestamp` comes first. */
const UNKNOWN_EVENT_TIME_FIELDS = ['dateCompleted', 'dateEnrolled', 'dateStarted'] as const;

/**
 * Checks one element of `events` and reads it. Rejected (for the dead-letter store): not an object, no
 * usable `eventId` or `eventName`, no learner or learning object to attach it to, no time at all, an id
 * that is not exact, or a value longer than the canonical field allows. Everything else is tolerated.
 */
export function readAlmEvent(raw: JsonValue, index: number, accountId: string): ReadAlmEventResult {
  const at = `events[${index}]`;
  const reject = (reason: RejectedAlmEvent['reason'], field: string, detail: string): ReadAlmEventResult => ({
    ok: false,
    rejected: { index, reason, field: field ? `${at}.${field}` : at, detail, event: raw },
  });
  if (!isJsonObject(raw)) return reject('not_an_object', '', 'an event must be a JSON object');

  const eventId = idText(raw.eventId);
  if (eventId === null) return reject('missing_field', 'eventId', 'eventId is missing or empty');
  if (!eventId.ok) return reject('invalid_field', 'eventId', eventId.problem);
  if (eventId.text.length > FIELD_LIMITS.PublisherEventId) {
    return reject('too_long', 'eventId', `eventId is longer than ${FIELD_LIMITS.PublisherEventId} characters`);
  }

  if (raw.eventName === undefined || raw.eventName === null) return reject('missing_field', 'eventName', 'eventName is missing');
  if (typeof raw.eventName !== 'string') return reject('invalid_field', 'eventName', 'eventName must be a string');
  const eventName = raw.eventName.trim();
  if (eventName === '') return reject('missing_field', 'eventName', 'eventName is empty');
  if (eventName.length > FIELD_LIMITS.EventType) {
    return reject('too_long', 'eventName', `eventName is longer than ${FIELD_LIMITS.EventType} characters`);
  }

  const data: JsonObject = isJsonObject(raw.data) ? raw.data : {};
  const warnings: string[] = [];
  if (raw.data !== undefined && !isJsonObject(raw.data)) warnings.push(`${at}.data is not an object; read as empty`);

  const ids = readIds(data);
  if (!ids.ok) return reject('invalid_field', `data.${ids.field}`, ids.problem);
  const facts = readFacts(data, ids);
  const definition = almEventDefinition(eventName) ?? null;

  const participant = resolveParticipant(definition, facts, accountId);
  if ('missing' in participant) {
    return reject('missing_field', participant.missing, `${eventName} events name their subject in ${participant.missing}`);
  }
  if (participant.id.length > FIELD_LIMITS.PublisherParticipantId) {
    return reject('too_long', participant.source, `participant id is longer than ${FIELD_LIMITS.PublisherParticipantId} characters`);
  }

  const timestampUtc = toUtcIso(raw.timestamp);
  if (raw.timestamp !== undefined && timestampUtc === null) warnings.push(`${at}.timestamp is not a readable time`);
  const start = resolveStart(definition, data, timestampUtc, at, warnings);
  if (!start) {
    const reason = raw.timestamp === undefined ? 'missing_field' : 'invalid_field';
    return reject(reason, 'timestamp', 'neither timestamp nor a data date gives the event a readable time');
  }

  return {
    ok: true,
    warnings,
    event: {
      index,
      eventId: eventId.text,
      eventName,
      definition,
      timestampUtc,
      eventInfo: typeof raw.eventInfo === 'string' || typeof raw.eventInfo === 'number' ? String(raw.eventInfo) : null,
      facts,
      participantId: participant.id,
      participantSource: participant.source,
      startUtc: start.utc,
      startSource: start.source,
      original: raw,
    },
  };
}

interface Ids {
  ok: true;
  userId: string | null;
  loId: string | null;
  loInstanceId: string | null;
}

function readIds(data: JsonObject): Ids | { ok: false; field: string; problem: string } {
  const out: Ids = { ok: true, userId: null, loId: null, loInstanceId: null };
  for (const field of ['userId', 'loId', 'loInstanceId'] as const) {
    const id = idText(data[field]);
    if (id === null) continue;
    if (!id.ok) return { ok: false, field, problem: id.problem };
    out[field] = field === 'userId' ? id.text : canonicalLoId(id.text);
  }
  // CI_STATS carries only the instance; its learning object is the instance id's prefix.
  if (out.loId === null && out.loInstanceId !== null) out.loId = loIdFromInstanceId(out.loInstanceId);
  return out;
}

function readFacts(data: JsonObject, ids: Ids): AlmEventFacts {
  const loType = text(data.loType);
  return {
    userId: ids.userId,
    loId: ids.loId,
    loInstanceId: ids.loInstanceId,
    loType: loType ? canonicalLoType(loType) : loTypeFromId(ids.loId ?? ids.loInstanceId ?? ''),
    enrollmentSource: text(data.enrollmentSource),
    dateEnrolledUtc: toUtcIso(data.dateEnrolled),
    dateStartedUtc: toUtcIso(data.dateStarted),
    dateCompletedUtc: toUtcIso(data.dateCompleted),
    hasPassed: bool(data.hasPassed),
    progressPercent: num(data.progressPercent),
    enrollmentCount: num(data.enrollmentCount),
    waitlistCount: num(data.waitlistCount),
    seatLimit: num(data.seatLimit),
    seatAvailability: num(data.seatAvailability),
    waitlistLimit: num(data.waitlistLimit ?? data.waitListLimit),
    waitlistAvailability: num(data.waitlistAvailability ?? data.waitListAvailability),
  };
}

/**
 * Documented names: the catalogue's field (`userId` for learner events, `loId` for learning objects,
 * `loInstanceId` for instances and CI_STATS), required. Unknown names: the first of userId, loId,
 * loInstanceId, and finally the account itself, so an unknown event always has a subject.
 */
function resolveParticipant(
  definition: AlmEventDefinition | null,
  facts: AlmEventFacts,
  accountId: string,
): { id: string; source: AlmEvent['participantSource'] } | { missing: string } {
  if (definition) {
    const source = `data.${definition.participantField}` as const;
    const id = facts[definition.participantField];
    return id === null ? { missing: source } : { id, source };
  }
  for (const field of ['userId', 'loId', 'loInstanceId'] as const) {
    const id = facts[field];
    if (id !== null) return { id, source: `data.${field}` };
  }
  return { id: accountId, source: 'accountId' };
}

/**
 * Documented names with a data date (enrolment, completion, progress): that date, because it is when the
 * learner acted, while `timestamp` is when ALM emitted the event (batch events can be emitted much later).
 * Without a readable data date, `timestamp`. Unknown names: `timestamp` first (their data dates may describe
 * something else, e.g. the completion a rollback undoes), then any data date.
 */
function resolveStart(
  definition: AlmEventDefinition | null,
  data: JsonObject,
  timestampUtc: string | null,
  at: string,
  warnings: string[],
): { utc: string; source: AlmEvent['startSource'] } | null {
  if (definition) {
    const field = definition.timeField;
    if (field) {
      const utc = toUtcIso(data[field]);
      if (utc) return { utc, source: `data.${field}` };
      if (data[field] !== undefined) warnings.push(`${at}.data.${field} is not a readable time; timestamp used`);
    }
    return timestampUtc ? { utc: timestampUtc, source: 'timestamp' } : null;
  }
  if (timestampUtc) return { utc: timestampUtc, source: 'timestamp' };
  for (const field of UNKNOWN_EVENT_TIME_FIELDS) {
    const utc = toUtcIso(data[field]);
    if (utc) return { utc, source: `data.${field}` };
  }
  return null;
}

function text(value: JsonValue | undefined): string | null {
  if (typeof value === 'string') return value.trim() === '' ? null : value.trim();
  if (typeof value === 'number') return String(value);
  return null;
}

function num(value: JsonValue | undefined): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) return Number(value);
  return null;
}

function bool(value: JsonValue | undefined): boolean | null {
  if (typeof value === 'boolean') return value;
  if (value === 'true') return true;
  if (value === 'false') return false;
  return null;
}
