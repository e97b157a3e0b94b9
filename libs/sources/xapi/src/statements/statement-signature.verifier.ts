import { verify, X509Certificate, type KeyObject } from 'node:crypto';
import { statementsEquivalent } from './statement.comparator.js';
import type { Statement } from './statement.types.js';

const ALGORITHMS: Record<string, string> = { RS256: 'sha256', RS384: 'sha384', RS512: 'sha512' };

/**
 * Checks that a JWS signature attachment is well formed (Data 2.6.s5.b3): compact serialization, an RS256/384/512
 * algorithm, a payload that is a JSON serialization of a Statement logically equivalent to the received one, and, when
 * the header carries an X.509 chain (`x5c`), a signature that verifies against its first certificate. Returns the
 * problems found; an empty list means the signature is acceptable. Proving who signed is out of the spec's scope.
 */
export function verifyStatementSignature(statement: Statement, jws: Buffer | string): string[] {
  const segments = (typeof jws === 'string' ? jws : jws.toString('utf8')).trim().split('.');
  if (segments.length !== 3 || segments.some((segment) => !/^[A-Za-z0-9_-]*$/.test(segment))) {
    return ['the signature is not a JWS in compact serialization'];
  }
  const [encodedHeader, encodedPayload, encodedSignature] = segments as [string, string, string];
  const header = parseJson(fromBase64Url(encodedHeader));
  if (!isObject(header)) return ['the JWS header is not a JSON object'];
  const digest = typeof header['alg'] === 'string' ? ALGORITHMS[header['alg']] : undefined;
  if (!digest) return ['the JWS algorithm must be RS256, RS384 or RS512'];

  const payload = parseJson(fromBase64Url(encodedPayload));
  if (!isObject(payload)) return ['the JWS payload is not a JSON serialization of a Statement'];
  if (!statementsEquivalent(payload, statement)) return ['the signed Statement does not match the received Statement'];

  if (header['x5c'] !== undefined) {
    const key = certificateKey(header['x5c']);
    if (!key) return ['the JWS x5c header does not hold a usable X.509 certificate'];
    const signed = Buffer.from(`${encodedHeader}.${encodedPayload}`, 'ascii');
    if (!verify(digest, signed, key, fromBase64Url(encodedSignature))) {
      return ['the JWS signature does not verify against the certificate in its x5c header'];
    }
  }
  return [];
}

function certificateKey(x5c: unknown): KeyObject | undefined {
  if (!Array.isArray(x5c) || typeof x5c[0] !== 'string') return undefined;
  try {
    return new X509Certificate(Buffer.from(x5c[0], 'base64')).publicKey;
  } catch {
    return undefined;
  }
}

function fromBase64Url(segment: string): Buffer {
  return Buffer.from(segment, 'base64url');
}

function parseJson(bytes: Buffer): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
