/**
 * ALM's own pages show `timestamp` and `data.date*` in three styles (ISO strings, epoch seconds, epoch
 * milliseconds), sometimes two styles inside one event. Everything the hub stores is ISO 8601 UTC.
 */

/**
 * Below this magnitude a number is epoch seconds, at or above it epoch milliseconds.
 * 1e11 s is the year 5138 and 1e11 ms is 1973-03-03, so no real ALM time can fall on the wrong side.
 */
export const EPOCH_MILLIS_THRESHOLD = 1e11;

/** JavaScript's Date range (±8.64e15 ms); beyond it there is no ISO string to give. */
const MAX_DATE_MS = 8.64e15;

const EPOCH_TEXT = /^\d+(\.\d+)?$/;
/** Already what the hub stores (`2024-11-08T03:49:52.000Z`): checked field by field and returned as it is. */
const CANONICAL_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
// Date, optional time (T, t or space), optional fraction, optional zone: Z/z, ±HH:MM, ±HHMM or ±HH.
const ISO_TEXT =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)?$/;

/**
 * Any of ALM's time styles to ISO 8601 UTC with milliseconds, or null when the value is not a time.
 * - numbers and digit-only strings: epoch seconds below {@link EPOCH_MILLIS_THRESHOLD}, milliseconds from it;
 *   zero and negatives are null (ALM has no pre-1970 events; 0 is what an unset field serialises to).
 * - ISO strings: lower-case `z`, offsets with or without colon, date-only (midnight UTC), no zone (read as UTC).
 */
export function toUtcIso(value: unknown): string | null {
  if (value instanceof Date) return isoFromMillis(value.getTime());
  if (typeof value === 'number') return fromEpoch(value);
  if (typeof value !== 'string') return null;
  if (CANONICAL_ISO.test(value)) return canonicalIso(value);
  const text = value.trim();
  if (EPOCH_TEXT.test(text)) return fromEpoch(Number(text));
  return fromIsoText(text);
}

function fromEpoch(value: number): string | null {
  if (!Number.isFinite(value) || value <= 0) return null;
  const millis = value < EPOCH_MILLIS_THRESHOLD ? value * 1000 : value;
  return isoFromMillis(Math.floor(millis));
}

function fromIsoText(text: string): string | null {
  const m = ISO_TEXT.exec(text);
  if (!m) return null;
  const [, y, mo, d, h = '0', mi = '0', s = '0', frac = '', zulu, sign, oh, om = '0'] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const millis = Number(frac.padEnd(3, '0').slice(0, 3));
  let utc = Date.UTC(year, month - 1, day, hour, minute, second, millis);
  // Date.UTC maps years 0-99 to 1900-1999; a four-digit year in the text means what it says.
  if (year < 100) utc = new Date(utc).setUTCFullYear(year);
  if (!zulu && sign) {
    const offsetHours = Number(oh);
    const offsetMinutes = Number(om);
    if (offsetHours > 23 || offsetMinutes > 59) return null;
    const offset = (offsetHours * 60 + offsetMinutes) * 60_000;
    utc -= sign === '+' ? offset : -offset;
  }
  return isoFromMillis(utc);
}

/** ALM's most common style costs no Date: the same checks as `fromIsoText`, and the text is the answer. */
function canonicalIso(text: string): string | null {
  const year = Number(text.slice(0, 4));
  const month = Number(text.slice(5, 7));
  const day = Number(text.slice(8, 10));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (Number(text.slice(11, 13)) > 23 || Number(text.slice(14, 16)) > 59 || Number(text.slice(17, 19)) > 59) return null;
  return text;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function isoFromMillis(millis: number): string | null {
  if (!Number.isFinite(millis) || Math.abs(millis) > MAX_DATE_MS) return null;
  return new Date(millis).toISOString();
}
