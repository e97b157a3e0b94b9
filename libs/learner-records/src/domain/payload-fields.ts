/**
 * Tolerant reading of source payloads: vendors spell the same field `loInstanceId`, `lo_instance_id` or
 * `course-object-id`, send numbers as strings and dates in several shapes. Be tolerant in what we accept here so
 * the facts (what we store) are strict.
 */

export type Payload = Record<string, unknown>;

export function asPayload(value: unknown): Payload | null {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Payload) : null;
}

function canonicalName(name: string): string {
  return name.replace(/[-_\s]/g, '').toLowerCase();
}

/** The first of `names` present in `payload`, matching names without regard to case, `-`, `_` or spaces. */
export function field(payload: Payload | null, ...names: string[]): unknown {
  if (payload === null) return undefined;
  for (const name of names) if (name in payload) return payload[name];
  const wanted = new Set(names.map(canonicalName));
  for (const [key, value] of Object.entries(payload)) if (wanted.has(canonicalName(key))) return value;
  return undefined;
}

export function hasField(payload: Payload | null, ...names: string[]): boolean {
  return field(payload, ...names) !== undefined;
}

/** An id as a non-empty trimmed string; numbers are accepted (ALM user ids, imc identifiers). */
export function idString(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return null;
}

export function booleanOrNull(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const text = value.trim().toLowerCase();
    if (text === 'true') return true;
    if (text === 'false') return false;
  }
  return null;
}

export function percentOrNull(value: unknown): number | null {
  const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isFinite(number)) return null;
  return Math.min(100, Math.max(0, number));
}

/**
 * An instant as `toISOString()` output, so facts compare by string. Accepts ISO strings with a lower-case `z` or an
 * offset without colon (`+0200`), and epoch seconds or milliseconds (numbers below 1e11 are seconds).
 */
const CANONICAL_ISO = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.\d{3}Z$/;

/** True when `text` is already what `new Date(text).toISOString()` returns (the worker's hot path: every event). */
function isCanonicalIso(text: string): boolean {
  const parts = CANONICAL_ISO.exec(text);
  if (!parts) return false;
  const [year, month, day, hour, minute, second] = parts.slice(1).map(Number);
  const daysInMonth = month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth && hour <= 23 && minute <= 59 && second <= 59;
}

export function isoUtcOrNull(value: unknown): string | null {
  if (typeof value === 'string' && isCanonicalIso(value)) return value;
  let date: Date;
  if (typeof value === 'number' && Number.isFinite(value)) {
    date = new Date(Math.abs(value) < 1e11 ? value * 1000 : value);
  } else if (typeof value === 'string' && value.trim() !== '') {
    const text = value.trim().replace(/z$/, 'Z').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
    date = /^\d+$/.test(text) ? new Date(Number(text) < 1e11 ? Number(text) * 1000 : Number(text)) : new Date(text);
  } else {
    return null;
  }
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/**
 * A due date as the calendar date `YYYY-MM-DD` the source wrote: `2021-05-19T00:00:00+0200` is the 19th, though
 * in UTC it is still the 18th. Epoch numbers are read as UTC dates.
 */
export function calendarDateOrNull(value: unknown): string | null {
  if (typeof value === 'string') {
    const match = /^(\d{4}-\d{2}-\d{2})(?:$|[T\s])/.exec(value.trim());
    if (match) return match[1] ?? null;
  }
  return isoUtcOrNull(value)?.slice(0, 10) ?? null;
}
