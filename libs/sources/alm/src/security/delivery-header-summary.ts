import type { HttpHeaders } from './header-value.js';

/**
 * What the hub keeps about a delivery's headers for the "last 20 deliveries" diagnostic: every name, and
 * of each value only its shape (length, hex or base64, a known scheme or algorithm prefix), never the
 * value, so signatures, tokens and passwords cannot leak through the admin view. A few headers that carry
 * nothing secret and help identify the sender keep their value.
 */
export interface DeliveryHeaderSummary {
  name: string;
  /** e.g. `sha256=hex(64)`, `Basic base64(24)`, `text(12)`; for the visible headers their (shortened) value. */
  value: string;
  redacted: boolean;
}

const VISIBLE_HEADERS = new Set([
  'content-type', 'content-length', 'content-encoding', 'user-agent', 'accept', 'accept-encoding', 'connection', 'expect',
]);
const SCHEME_PREFIX = /^(Basic|Bearer|Digest|HMAC|Signature)\s+/i;
const ALGORITHM_PREFIX = /^(sha1|sha256|sha512|sha-1|sha-256|sha-512|md5|v1)=/i;
const MAX_HEADERS = 100;
const MAX_VISIBLE_LENGTH = 200;

export function deliveryHeaderSummary(headers: HttpHeaders): DeliveryHeaderSummary[] {
  return Object.entries(headers)
    .filter((entry): entry is [string, string | string[] | number] => entry[1] !== undefined)
    .map(([rawName, rawValue]) => {
      const name = rawName.toLowerCase().slice(0, MAX_VISIBLE_LENGTH);
      const value = Array.isArray(rawValue) ? rawValue.join(', ') : String(rawValue);
      return VISIBLE_HEADERS.has(name)
        ? { name, value: value.slice(0, MAX_VISIBLE_LENGTH), redacted: false }
        : { name, value: redactedShape(value), redacted: true };
    })
    .sort((a, b) => a.name.localeCompare(b.name))
    .slice(0, MAX_HEADERS);
}

/** The shape of a secret-bearing value: a known prefix stays, the rest becomes `kind(length)`. */
export function redactedShape(value: string): string {
  const trimmed = value.trim();
  const prefix = SCHEME_PREFIX.exec(trimmed)?.[0] ?? ALGORITHM_PREFIX.exec(trimmed)?.[0] ?? '';
  const rest = trimmed.slice(prefix.length);
  return `${prefix}${kindOf(rest)}(${rest.length})`;
}

function kindOf(text: string): string {
  if (text === '') return 'empty';
  if (/^[0-9a-fA-F]+$/.test(text)) return 'hex';
  if (/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return 'base64';
  if (/^[A-Za-z0-9_-]+$/.test(text)) return 'base64url';
  return 'text';
}
