import { rejection, type ImcFailure } from './imc-rejection.js';
import type { JsonObject, JsonValue } from './json-value.js';

/**
 * Keys that pollute prototypes when a later merge (`Object.assign`, spread into a class, lodash.merge) copies them.
 * imc never sends them, so a body that carries one is refused rather than cleaned: the stored
 * PublisherEventData stays exactly what was received.
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** imc bodies are a few levels deep; the bound keeps the recursive walk far from the stack limit. */
export const MAX_JSON_DEPTH = 64;

export type PlainJsonResult = { ok: true; json: JsonObject } | ImcFailure;

/**
 * Checks that a decoded body is a JSON object made of plain data only, and returns a fresh copy built from
 * ordinary objects. Used both after JSON.parse and for AMQP-value bodies that rhea decoded into objects, where a
 * map key `__proto__` may already have replaced the prototype (hence the prototype check).
 */
export function toPlainJsonObject(value: unknown): PlainJsonResult {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return rejection('not_an_object', `an imc body is a JSON object, got ${describe(value)}`);
  }
  try {
    return { ok: true, json: copyValue(value, '', 0) as JsonObject };
  } catch (error) {
    if (error instanceof PlainJsonError) return error.failure;
    throw error;
  }
}

class PlainJsonError extends Error {
  constructor(readonly failure: ImcFailure) {
    super(failure.reason.detail);
  }
}

function fail(code: 'forbidden_key' | 'too_deep' | 'unsupported_value', detail: string, path: string): never {
  throw new PlainJsonError(rejection(code, detail, path === '' ? '$' : path));
}

function copyValue(value: unknown, path: string, depth: number): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) fail('unsupported_value', `${value} is not a JSON number`, path);
    return value;
  }
  if (typeof value !== 'object') fail('unsupported_value', `a ${typeof value} is not a JSON value`, path);
  if (depth >= MAX_JSON_DEPTH) fail('too_deep', `nested deeper than ${MAX_JSON_DEPTH} levels`, path);
  if (Array.isArray(value)) return value.map((item, index) => copyValue(item, `${path}[${index}]`, depth + 1));
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null) {
    fail('unsupported_value', `${describe(value)} is not a plain JSON object (or its prototype was replaced)`, path);
  }
  const copy: JsonObject = {};
  for (const key of Object.keys(value)) {
    const childPath = path === '' ? key : `${path}.${key}`;
    if (FORBIDDEN_KEYS.has(key)) fail('forbidden_key', `the key "${key}" is refused (prototype pollution)`, childPath);
    const child = (value as Record<string, unknown>)[key];
    if (child === undefined) continue; // as JSON.stringify does: an undefined property is an absent one
    copy[key] = copyValue(child, childPath, depth + 1);
  }
  return copy;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return `an object of type ${value.constructor?.name ?? 'unknown'}`;
  return `a ${typeof value}`;
}
