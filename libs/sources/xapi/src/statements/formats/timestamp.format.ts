/**
 * ISO 8601 combined date and time (Data 4.5), in the extended (`2020-01-11T10:30:45.154Z`) or basic
 * (`20200111T103045.154Z`) format. Accepted on purpose: a lower-case `t`/`z` (RFC 3339 allows it and the imc seed sends
 * `…154z`), an offset without colon (`+0200`) and no zone at all, which is read as UTC. Refused: `-00`, `-0000` and
 * `-00:00`, which RFC 3339 reserves for "offset unknown" and the conformance suite rejects, and impossible dates.
 */

export interface ParsedTimestamp {
  /** Milliseconds since the epoch; digits below a millisecond are cut (Data 4.5.s1.b7 allows it). */
  epochMs: number;
  /** The same instant in UTC with millisecond precision, e.g. `2020-01-11T10:30:45.154Z`. */
  utc: string;
  /** False when the timestamp carried no zone designator and was taken as UTC. */
  hasZone: boolean;
}

const ZONE = '(?<zone>[Zz]|[+-]\\d{2}(?::?\\d{2})?)?';
const FRACTION = '(?:[.,](?<fraction>\\d+))?';
const EXTENDED = new RegExp(
  `^(?<y>\\d{4})-(?<mo>\\d{2})-(?<d>\\d{2})[Tt](?<h>\\d{2}):(?<mi>\\d{2})(?::(?<s>\\d{2})${FRACTION})?${ZONE}$`,
);
const BASIC = new RegExp(`^(?<y>\\d{4})(?<mo>\\d{2})(?<d>\\d{2})[Tt](?<h>\\d{2})(?<mi>\\d{2})(?:(?<s>\\d{2})${FRACTION})?${ZONE}$`);

export function parseTimestamp(value: string): ParsedTimestamp | undefined {
  const groups = (EXTENDED.exec(value) ?? BASIC.exec(value))?.groups;
  if (!groups) return undefined;
  const year = Number(groups['y']);
  const month = Number(groups['mo']);
  const day = Number(groups['d']);
  const hour = Number(groups['h']);
  const minute = Number(groups['mi']);
  const second = Number(groups['s'] ?? '0');
  const millis = Number(((groups['fraction'] ?? '') + '000').slice(0, 3));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const offsetMinutes = parseZone(groups['zone']);
  if (offsetMinutes === undefined) return undefined;

  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  const epochMs = date.getTime() - offsetMinutes * 60_000;
  return { epochMs, utc: new Date(epochMs).toISOString(), hasZone: groups['zone'] !== undefined };
}

export function isTimestamp(value: unknown): value is string {
  return typeof value === 'string' && parseTimestamp(value) !== undefined;
}

/** The UTC form of a timestamp already known to be valid. */
export function toUtcTimestamp(value: string): string {
  const parsed = parseTimestamp(value);
  if (!parsed) throw new RangeError(`not an ISO 8601 timestamp: ${value}`);
  return parsed.utc;
}

function parseZone(zone: string | undefined): number | undefined {
  if (zone === undefined || zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2) || '0');
  if (hours > 23 || minutes > 59) return undefined;
  if (sign === -1 && hours === 0 && minutes === 0) return undefined;
  return sign * (hours * 60 + minutes);
}

function daysInMonth(year: number, month: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month, 0);
  return date.getUTCDate();
}
