import { createHmac, timingSafeEqual } from 'node:crypto';
import { constantTimeEqual } from './constant-time-equal.js';
import { singleHeader, type HttpHeaders } from './header-value.js';

/**
 * ALM offers "Signature" authentication but does not publish the scheme, so every part is configurable:
 * an HMAC over the exact raw body (algorithm, header, hex or base64, optional `sha256=`-style prefix), or
 * a static token (the header carries the secret itself). Defaults per DESIGN.md: HMAC-SHA256, hex,
 * header `x-alm-signature`.
 */

export const ALM_SIGNATURE_ALGORITHMS = ['sha256', 'sha1', 'sha512'] as const;
export type AlmSignatureAlgorithm = (typeof ALM_SIGNATURE_ALGORITHMS)[number];
export const ALM_SIGNATURE_ENCODINGS = ['hex', 'base64'] as const;
export type AlmSignatureEncoding = (typeof ALM_SIGNATURE_ENCODINGS)[number];
export type AlmSignatureMode = 'hmac' | 'token';

export interface AlmSignatureConfig {
  mode: AlmSignatureMode;
  /** HMAC mode only. Default `sha256`. */
  algorithm?: AlmSignatureAlgorithm;
  /** Default `x-alm-signature`; matched case-insensitively. */
  header?: string;
  /** HMAC mode only. Default `hex`. */
  encoding?: AlmSignatureEncoding;
  /** The shared secret, decrypted (see `decryptSecret`). A string is used as its UTF-8 bytes. */
  secret: string | Uint8Array;
}

export type ResolvedAlmSignatureConfig = Required<AlmSignatureConfig>;

export const ALM_SIGNATURE_DEFAULTS = {
  mode: 'hmac',
  algorithm: 'sha256',
  header: 'x-alm-signature',
  encoding: 'hex',
} as const satisfies Omit<ResolvedAlmSignatureConfig, 'secret'>;

/** An HTTP header name is an RFC 9110 token. */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Defaults applied and every value checked; throws on a configuration that could never verify anything. */
export function resolveAlmSignatureConfig(config: AlmSignatureConfig): ResolvedAlmSignatureConfig {
  const resolved: ResolvedAlmSignatureConfig = {
    mode: config.mode ?? ALM_SIGNATURE_DEFAULTS.mode,
    algorithm: config.algorithm ?? ALM_SIGNATURE_DEFAULTS.algorithm,
    header: (config.header ?? ALM_SIGNATURE_DEFAULTS.header).trim().toLowerCase(),
    encoding: config.encoding ?? ALM_SIGNATURE_DEFAULTS.encoding,
    secret: config.secret,
  };
  if (resolved.mode !== 'hmac' && resolved.mode !== 'token') throw new Error(`unknown signature mode ${String(resolved.mode)}`);
  if (!ALM_SIGNATURE_ALGORITHMS.includes(resolved.algorithm)) throw new Error(`unsupported algorithm ${resolved.algorithm}`);
  if (!ALM_SIGNATURE_ENCODINGS.includes(resolved.encoding)) throw new Error(`unsupported encoding ${resolved.encoding}`);
  if (!HEADER_NAME.test(resolved.header)) throw new Error(`invalid header name ${resolved.header}`);
  if (resolved.secret.length === 0) throw new Error('the signature secret is empty');
  return resolved;
}

export type AlmSignatureCheck =
  | { ok: true }
  | { ok: false; reason: 'missing_header' | 'ambiguous_header' | 'malformed' | 'mismatch' };

export interface VerifyAlmSignatureInput {
  /** The request body exactly as received, before any parsing. */
  rawBody: Uint8Array;
  headers: HttpHeaders;
  config: AlmSignatureConfig;
}

/**
 * Checks one delivery. Secret-dependent comparisons are constant time (see `constantTimeEqual`); the
 * reasons only describe what the sender sent, so they may be logged, but the HTTP answer should be one
 * plain 401 for all of them. Throws only for an invalid configuration.
 */
export function verifyAlmSignature({ rawBody, headers, config }: VerifyAlmSignatureInput): AlmSignatureCheck {
  const resolved = resolveAlmSignatureConfig(config);
  const header = singleHeader(headers, resolved.header);
  if (!header.found) return { ok: false, reason: header.reason === 'missing' ? 'missing_header' : 'ambiguous_header' };
  const presented = header.value.trim();
  if (presented === '') return { ok: false, reason: 'missing_header' };

  if (resolved.mode === 'token') {
    return constantTimeEqual(presented, resolved.secret) ? { ok: true } : { ok: false, reason: 'mismatch' };
  }
  const presentedDigest = decodeDigest(stripAlgorithmPrefix(presented, resolved.algorithm), resolved.encoding);
  if (!presentedDigest) return { ok: false, reason: 'malformed' };
  const expected = createHmac(resolved.algorithm, resolved.secret).update(rawBody).digest();
  // A digest's length is the algorithm's, public knowledge: only equal lengths need the constant-time comparison.
  return presentedDigest.length === expected.length && timingSafeEqual(presentedDigest, expected) ? { ok: true } : { ok: false, reason: 'mismatch' };
}

/** The header value a correct sender puts on `rawBody` (no prefix). For tests, tools and the docs. */
export function signAlmBody(rawBody: Uint8Array | string, config: AlmSignatureConfig): string {
  const resolved = resolveAlmSignatureConfig(config);
  if (resolved.mode === 'token') return Buffer.from(resolved.secret).toString('utf8');
  return createHmac(resolved.algorithm, resolved.secret).update(rawBody).digest(resolved.encoding);
}

/** `sha256=abc…` → `abc…` for the configured algorithm (any case); other values unchanged. */
export function stripAlgorithmPrefix(value: string, algorithm: string): string {
  const prefix = `${algorithm}=`;
  return value.slice(0, prefix.length).toLowerCase() === prefix ? value.slice(prefix.length).trim() : value;
}

const HEX = /^(?:[0-9a-fA-F]{2})+$/;
// Standard and URL-safe alphabets, padding optional: senders differ and both decode to the same bytes.
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

/** The digest bytes of a hex or base64 text, or null when the text is not in that encoding at all. */
export function decodeDigest(text: string, encoding: AlmSignatureEncoding): Buffer | null {
  if (encoding === 'hex') return HEX.test(text) ? Buffer.from(text, 'hex') : null;
  return BASE64.test(text) ? Buffer.from(text, 'base64') : null;
}
