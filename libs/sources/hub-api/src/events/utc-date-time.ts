const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))?$/;

/**
 * Reads an ISO 8601 date-time, as UTC when it carries no zone (the fields are named …Utc), and returns the canonical
 * `toISOString()` form, or null for anything else, impossible dates (Feb 30) included. Runs for every event: one regex.
 */
export function toUtcIso(value: string): string | null {
  let iso = recent.get(value);
  if (iso === undefined) {
    if (recent.size >= RECENT_LIMIT) recent.clear();
    iso = parse(value);
    recent.set(value, iso);
  }
  return iso;
}

/** Events of one batch mostly share their few timestamps: remember recent answers. */
const RECENT_LIMIT = 4096;
const recent = new Map<string, string | null>();

function parse(value: string): string | null {
  const m = DATE_TIME.exec(value);
  if (!m) return null;
  const year = +m[1], month = +m[2], day = +m[3], hour = +m[4], minute = +m[5], second = m[6] ? +m[6] : 0;
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 59) return null;
  if (day > new Date(Date.UTC(year, month, 0)).getUTCDate()) return null;
  const millis = m[7] ? Math.floor(+`0.${m[7]}` * 1000) : 0;
  const offsetMinutes = m[9] ? (m[9] === '-' ? -1 : 1) * (+m[10] * 60 + +m[11]) : 0;
  if (m[9] && (+m[10] > 23 || +m[11] > 59)) return null;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000).toISOString();
}
