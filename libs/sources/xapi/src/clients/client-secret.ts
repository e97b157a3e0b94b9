import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Client ids, secrets and access tokens. Secrets and tokens are 256-bit random values, stored only as their SHA-256.
 * A slow KDF (scrypt, argon2) protects low-entropy human passwords from offline guessing; a 256-bit random value
 * cannot be guessed, so a fast hash loses nothing — and LRS clients send their secret with HTTP Basic on every request,
 * where a deliberately slow hash would cost tens of milliseconds and CPU per Statement and invite denial of service.
 * The prefixes let secret scanners recognise leaked values and let the hub reject junk without a lookup.
 */
export const CLIENT_SECRET_PREFIX = 'xs_';
export const ACCESS_TOKEN_PREFIX = 'xat_';

export function newClientId(): string {
  return `xapi-${randomBytes(10).toString('hex')}`;
}

export function newClientSecret(): string {
  return `${CLIENT_SECRET_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function newAccessToken(): string {
  return `${ACCESS_TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}

/** Compares a presented secret with a stored SHA-256 in constant time (both sides are 64 hex characters). */
export function secretMatches(presented: string, storedHash: string): boolean {
  const presentedHash = Buffer.from(sha256Hex(presented), 'utf8');
  const stored = Buffer.from(storedHash, 'utf8');
  return presentedHash.length === stored.length && timingSafeEqual(presentedHash, stored);
}
