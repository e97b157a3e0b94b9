/**
 * `JSON.parse` itself is safe: a `"__proto__"` key becomes an own property, not the prototype. The danger
 * starts later, when some consumer merges the payload into another object (`Object.assign`, a deep merge,
 * a query builder). The hub stores what ALM sends, so the keys that can poison such merges are removed once,
 * here, and reported, instead of trusting every later reader to be careful.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | JsonObject;
export interface JsonObject {
  [key: string]: JsonValue;
}

/** Keys that reach `Object.prototype` (or a constructor's prototype) through an unguarded merge. */
export const POLLUTING_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export interface SanitizedJson {
  value: JsonValue;
  /** JSON-path-like locations of the keys that were removed, e.g. `events[0].data.__proto__`. */
  droppedKeys: string[];
}

/**
 * A copy of a parsed JSON value without {@link POLLUTING_KEYS}. The caller has bounded the nesting depth
 * beforehand ({@link maxNestingDepth}), so the recursion here cannot run away.
 */
export function sanitizeJson(value: unknown, path = '$'): SanitizedJson {
  const droppedKeys: string[] = [];
  return { value: copy(value, path, droppedKeys), droppedKeys };
}

function copy(value: unknown, path: string, dropped: string[]): JsonValue {
  if (Array.isArray(value)) return value.map((item, i) => copy(item, `${path}[${i}]`, dropped));
  if (value !== null && typeof value === 'object') {
    const out: JsonObject = {};
    for (const key of Object.keys(value)) {
      if (POLLUTING_KEYS.has(key)) {
        dropped.push(`${path}.${key}`);
        continue;
      }
      out[key] = copy((value as Record<string, unknown>)[key], `${path}.${key}`, dropped);
    }
    return out;
  }
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return null;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
