/**
 * imc's time formats. The seed describes `timestamp` as "seconds since epoch" but every sample carries
 * milliseconds (1603666208487), so the unit is decided by magnitude: below 1e11 it is seconds (1e11 s is the year
 * 5138), up to 1e14 it is milliseconds (1e11 ms is March 1973, 1e14 ms the year 5138). Anything larger (micro- or
 * nanoseconds) is refused rather than guessed.
 */
export const SECONDS_BELOW = 1e11;
export const MILLISECONDS_BELOW = 1e14;

/** Epoch milliseconds from an imc `timestamp` (number, digit string, or ISO date-time), or null when it is not one. */
export function epochMillisFromImcTimestamp(value: unknown): number | null {
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^\d+(\.\d+)?$/.test(text)) return epochMillisFromNumber(Number(text));
    const iso = parseImcDateTime(text);
    return iso === null ? null : Date.parse(iso);
  }
  if (typeof value === 'number') return epochMillisFromNumber(value);
  return null;
}

function epochMillisFromNumber(value: number): number | null {
  if (!Number.isFinite(value) || value <= 0 || value >= MILLISECONDS_BELOW) return null;
  return Math.round(value < SECONDS_BELOW ? value * 1000 : value);
}

// 2021-05-19T00:00:00+0200, …+02:00, …+02, …Z, with optional fraction; or date only: 2020-12-31.
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*(Z|z|[+-]\d{2}(?::?\d{2})?)?)?$/;

interface DateTimeParts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  offsetMinutes: number;
  hasTime: boolean;
}

function partsOf(value: string): DateTimeParts | null {
  const match = DATE_TIME.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi, s, fraction, zone] = match;
  const parts: DateTimeParts = {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: h === undefined ? 0 : Number(h),
    minute: mi === undefined ? 0 : Number(mi),
    second: s === undefined ? 0 : Number(s),
    millisecond: fraction === undefined ? 0 : Number(fraction.slice(0, 3).padEnd(3, '0')),
    offsetMinutes: zone === undefined ? 0 : offsetMinutesOf(zone),
    hasTime: h !== undefined,
  };
  const valid =
    parts.month >= 1 &&
    parts.month <= 12 &&
    parts.day >= 1 &&
    parts.day <= daysInMonth(parts.year, parts.month) &&
    parts.hour <= 23 &&
    parts.minute <= 59 &&
    parts.second <= 59 &&
    Math.abs(parts.offsetMinutes) < 24 * 60;
  return valid ? parts : null;
}

function offsetMinutesOf(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const minutes = digits.length > 2 ? Number(digits.slice(2)) : 0;
  return minutes > 59 ? Number.NaN : sign * (Number(digits.slice(0, 2)) * 60 + minutes);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * An imc date-time as an ISO 8601 UTC string (`2021-05-18T22:00:00.000Z` for `2021-05-19T00:00:00+0200`).
 * A date-only value means midnight UTC, and a date-time without an offset is read as UTC: imc always sends an
 * offset, so both are fallbacks, not guesses about a server's zone. Null when the text is not a date.
 */
export function parseImcDateTime(value: string): string | null {
  const p = partsOf(value);
  if (!p) return null;
  const utc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second, p.millisecond) - p.offsetMinutes * 60_000;
  return new Date(utc).toISOString();
}

/**
 * An imc calendar date (`due-date`, `expiration-of-qualification`) as `YYYY-MM-DD`. A due date is a day, not an
 * instant, so a date-time keeps the date as written by imc instead of shifting it into UTC (which would move
 * `2020-12-31T00:00:00+0100` to the 30th). Null when the text is not a date.
 */
export function parseImcCalendarDate(value: string): string | null {
  const p = partsOf(value);
  if (!p) return null;
  return `${String(p.year).padStart(4, '0')}-${String(p.month).padStart(2, '0')}-${String(p.day).padStart(2, '0')}`;
}
