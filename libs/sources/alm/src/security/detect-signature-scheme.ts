import { createHmac } from 'node:crypto';
import {
  ALM_SIGNATURE_ALGORITHMS,
  ALM_SIGNATURE_ENCODINGS,
  decodeDigest,
  stripAlgorithmPrefix,
  type AlmSignatureConfig,
} from './alm-signature.js';
import { constantTimeEqual } from './constant-time-equal.js';
import type { HttpHeaders } from './header-value.js';

/** Headers that never carry a signature; skipped so they cannot produce a false match. */
const NOT_SIGNATURE_HEADERS = new Set([
  'host', 'content-type', 'content-length', 'content-encoding', 'user-agent', 'accept', 'accept-encoding',
  'connection', 'transfer-encoding', 'date', 'expect', 'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host',
  'x-real-ip', 'x-request-id', 'traceparent', 'tracestate',
]);

export type DetectedAlmSignatureScheme = Omit<Required<AlmSignatureConfig>, 'secret'>;

/**
 * Since ALM does not publish its signature scheme: given one real delivery and the secret downloaded from
 * ALM, the configurations under which it verifies (header, HMAC algorithm and encoding, or token mode).
 * An operator runs this on a delivery that failed with 401 and locks the webhook to the result.
 */
export function detectAlmSignatureScheme(input: {
  rawBody: Uint8Array;
  headers: HttpHeaders;
  secret: string | Uint8Array;
}): DetectedAlmSignatureScheme[] {
  const digests = ALM_SIGNATURE_ALGORITHMS.map((algorithm) => ({
    algorithm,
    digest: createHmac(algorithm, input.secret).update(input.rawBody).digest(),
  }));
  const found: DetectedAlmSignatureScheme[] = [];
  for (const [rawName, rawValue] of Object.entries(input.headers)) {
    const header = rawName.toLowerCase();
    if (NOT_SIGNATURE_HEADERS.has(header) || rawValue === undefined || Array.isArray(rawValue)) continue;
    const value = String(rawValue).trim();
    if (constantTimeEqual(value, input.secret)) {
      found.push({ mode: 'token', header, algorithm: 'sha256', encoding: 'hex' });
      continue;
    }
    for (const { algorithm, digest } of digests) {
      // Only the prefix `verifyAlmSignature` accepts (`sha256=` for SHA-256), so a detected scheme verifies.
      const candidate = stripAlgorithmPrefix(value, algorithm);
      for (const encoding of ALM_SIGNATURE_ENCODINGS) {
        const decoded = decodeDigest(candidate, encoding);
        if (decoded && constantTimeEqual(decoded, digest)) found.push({ mode: 'hmac', header, algorithm, encoding });
      }
    }
  }
  return found;
}
