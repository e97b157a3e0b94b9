/**
 * ALM names learning objects `{type}:{number}` and instances `{type}:{number}_{number}`. The documented
 * samples spell the learning-path type both `learningProgram` (ALM's public API) and `learning_program`;
 * the hub stores the public API's spelling so one learning path never becomes two.
 */

const LO_TYPE_ALIASES: ReadonlyMap<string, string> = new Map([['learning_program', 'learningProgram']]);

/** `learning_program` → `learningProgram`; every other type as given. */
export function canonicalLoType(loType: string): string {
  return LO_TYPE_ALIASES.get(loType) ?? loType;
}

/** `learning_program:123_456` → `learningProgram:123_456`; ids of other types unchanged. */
export function canonicalLoId(id: string): string {
  const colon = id.indexOf(':');
  if (colon < 0) return id;
  return canonicalLoType(id.slice(0, colon)) + id.slice(colon);
}

/** The learning object an instance belongs to (`course:12_34` → `course:12`), or null for other shapes. */
export function loIdFromInstanceId(loInstanceId: string): string | null {
  const m = /^([^:]+:[^_:]+)_[^_:]+$/.exec(loInstanceId);
  return m ? m[1] : null;
}

/** The LO type named by an id's prefix (`course:12` → `course`), or null when it has none. */
export function loTypeFromId(id: string): string | null {
  const colon = id.indexOf(':');
  return colon > 0 ? canonicalLoType(id.slice(0, colon)) : null;
}

export type IdText = { ok: true; text: string } | { ok: false; problem: string };

/**
 * An id sent as a string or a number, as text. Numbers beyond 2^53 have already lost digits in `JSON.parse`,
 * and two different ids could have collapsed into one, so they are refused rather than stored.
 */
export function idText(value: unknown): IdText | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') {
    const text = value.trim();
    return text === '' ? null : { ok: true, text };
  }
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return { ok: true, text: String(value) };
    return { ok: false, problem: `number ${value} is not an exact integer id (beyond 2^53 or fractional)` };
  }
  return { ok: false, problem: `expected a string or a number, got ${Array.isArray(value) ? 'array' : typeof value}` };
}
