/** One reason a request was rejected; `path` points into the submitted JSON (`actor.mbox`, `[1].context.team`). */
export interface ValidationError {
  path: string;
  message: string;
}

/** The result shape every validator and parser of this library returns. */
export type Validated<T> = ({ ok: true } & T) | { ok: false; errors: ValidationError[] };

/** Collects errors instead of throwing at the first one, so a client learns everything wrong in one round trip. */
export class Issues {
  readonly list: ValidationError[] = [];

  add(path: string, message: string): void {
    this.list.push({ path, message });
  }

  get ok(): boolean {
    return this.list.length === 0;
  }
}

export function at(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

export function atIndex(path: string, index: number): string {
  return `${path}[${index}]`;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Absent or JSON null. Null is reported once by `reportNullsAndEmptyObjects`, so validators skip it silently. */
export function isMissing(value: unknown): value is undefined | null {
  return value === undefined || value === null;
}

/**
 * Rejects properties the specification does not define (Data 2.2.s4.b1.b7) and names the intended key when only the
 * case differs, because keys are case-sensitive (Data 2.2.s4.b1.b5).
 */
export function rejectUnknownKeys(
  value: Record<string, unknown>,
  allowed: readonly string[],
  path: string,
  issues: Issues,
): void {
  for (const key of Object.keys(value)) {
    if (allowed.includes(key)) continue;
    const sameButCase = allowed.find((name) => name.toLowerCase() === key.toLowerCase());
    issues.add(
      at(path, key),
      sameButCase
        ? `"${key}" is not allowed: property names are case-sensitive, use "${sameButCase}"`
        : `"${key}" is not a property xAPI allows here`,
    );
  }
}

/** Reports a required property that is absent; returns whether there is a (non-null) value to validate further. */
export function requireValue(value: Record<string, unknown>, key: string, path: string, issues: Issues): boolean {
  if (value[key] === undefined) {
    issues.add(at(path, key), 'is required');
    return false;
  }
  return value[key] !== null;
}

export function checkString(value: unknown, path: string, issues: Issues): value is string {
  if (typeof value === 'string') return true;
  issues.add(path, 'must be a string');
  return false;
}

/**
 * Data 2.2.s4.b1.b1 and the conformance requirement XAPI-00001: no null anywhere and no empty object, except inside an
 * extensions map, whose values are the extension owner's business (Data 4.1.s3.b2).
 */
export function reportNullsAndEmptyObjects(value: unknown, path: string, issues: Issues): void {
  if (value === null) {
    issues.add(path, 'must not be null');
    return;
  }
  if (Array.isArray(value)) {
    value.forEach((item, index) => reportNullsAndEmptyObjects(item, atIndex(path, index), issues));
    return;
  }
  if (!isPlainObject(value)) return;
  const keys = Object.keys(value);
  if (keys.length === 0) {
    issues.add(path, 'must not be an empty object');
    return;
  }
  for (const key of keys) {
    const child = value[key];
    if (key === 'extensions' && isPlainObject(child)) continue;
    reportNullsAndEmptyObjects(child, at(path, key), issues);
  }
}
