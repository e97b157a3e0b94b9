import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Equality whose timing depends on neither content nor length: both sides are hashed to 32 bytes first,
 * so `timingSafeEqual` always compares equal-length buffers and an attacker cannot probe the expected
 * length. (A SHA-256 collision would be needed to make different inputs compare equal.)
 */
export function constantTimeEqual(a: string | Uint8Array, b: string | Uint8Array): boolean {
  return timingSafeEqual(sha256(a), sha256(b));
}

function sha256(value: string | Uint8Array): Buffer {
  return createHash('sha256').update(value).digest();
}
