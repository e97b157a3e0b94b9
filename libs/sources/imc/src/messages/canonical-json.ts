import { hash } from 'node:crypto';
import type { JsonValue } from './json-value.js';

/**
 * JSON Canonicalization Scheme (RFC 8785) for the values JSON.parse produces: object keys sorted by UTF-16 code
 * units (what Array#sort does for strings), no whitespace, numbers and strings serialized as ECMAScript
 * JSON.stringify does (which is what RFC 8785 prescribes). So `{"b":1, "a":0.0}` and `{"a":0,"b":1}` are one text.
 */
export function canonicalJson(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const members = Object.keys(value)
    .sort()
    .map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
  return `{${members.join(',')}}`;
}

/**
 * The identity of an imc message: SHA-256 (hex) of the UTF-8 bytes of its canonical JSON. Independent of key order,
 * whitespace, body encoding and topic, so one registration change read from `_registrations` and `_completions`
 * hashes the same.
 */
export function canonicalBodyHash(json: JsonValue): string {
  return hash('sha256', canonicalJson(json), 'hex');
}
