import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/**
 * Webhook Basic passwords are stored as scrypt hashes (node:crypto, no native add-on). The parameters
 * travel inside the stored string (`scrypt$N$r$p$salt$hash`), so they can be raised later without
 * invalidating existing hashes. N = 2^14, r = 8 (16 MiB, tens of milliseconds) is scrypt's interactive-login
 * setting: every Basic-authenticated delivery pays it once.
 */
export const SCRYPT_DEFAULTS = { N: 2 ** 14, r: 8, p: 1, keyLength: 32, saltLength: 16 } as const;

/** Bounds for parameters read back from storage, so a tampered row cannot make verification exhaust memory. */
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

export async function hashPassword(password: string, params: Partial<Pick<typeof SCRYPT_DEFAULTS, 'N' | 'r' | 'p'>> = {}): Promise<string> {
  const { N, r, p } = { ...SCRYPT_DEFAULTS, ...params };
  const salt = randomBytes(SCRYPT_DEFAULTS.saltLength);
  const hash = await scryptAsync(password, salt, SCRYPT_DEFAULTS.keyLength, { N, r, p });
  return ['scrypt', N, r, p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** True when `password` matches `stored`; false for a wrong password and for a malformed stored value. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStoredHash(stored);
  if (!parsed) return false;
  const actual = await scryptAsync(password, parsed.salt, parsed.hash.length, parsed.options);
  return timingSafeEqual(actual, parsed.hash);
}

function parseStoredHash(stored: string): { salt: Buffer; hash: Buffer; options: ScryptOptions } | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4], 'base64');
  const hash = Buffer.from(parts[5], 'base64');
  const powerOfTwo = Number.isInteger(N) && N > 1 && (N & (N - 1)) === 0;
  if (!powerOfTwo || N > MAX_N || !inRange(r, 1, MAX_R) || !inRange(p, 1, MAX_P)) return null;
  if (salt.length < 8 || hash.length < 16 || hash.length > 64) return null;
  return { salt, hash, options: { N, r, p } };
}

function inRange(value: number, min: number, max: number): boolean {
  return Number.isInteger(value) && value >= min && value <= max;
}

function scryptAsync(password: string, salt: Buffer, keyLength: number, options: ScryptOptions): Promise<Buffer> {
  // scrypt needs 128·N·r bytes; the default 32 MiB cap would refuse the upper parameter bounds.
  const maxmem = 256 * (options.N ?? SCRYPT_DEFAULTS.N) * (options.r ?? SCRYPT_DEFAULTS.r);
  return new Promise((resolve, reject) => {
    scrypt(password.normalize('NFC'), salt, keyLength, { ...options, maxmem }, (error, key) => (error ? reject(error) : resolve(key)));
  });
}
