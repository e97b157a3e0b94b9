import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * A webhook's signing secret must be usable for verification, so it cannot be hashed; it is stored
 * AES-256-GCM encrypted under a key from configuration. Stored form: `v1.<iv>.<tag>.<ciphertext>`
 * (base64url). The optional associated data binds a ciphertext to its owner (e.g. the webhook id), so a
 * secret copied into another webhook's row fails to decrypt instead of authenticating that webhook.
 */

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const VERSION = 'v1';

export class SecretDecryptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretDecryptionError';
  }
}

/**
 * The 32-byte key from its configured text: 64 hex digits or base64 (standard or URL-safe), optionally
 * prefixed `hex:` or `base64:`. Throws otherwise, so a wrong key fails at boot rather than at first use.
 */
export function parseEncryptionKey(text: string): Buffer {
  const value = text.trim();
  let key: Buffer | null = null;
  if (value.startsWith('hex:')) key = fromHex(value.slice(4));
  else if (value.startsWith('base64:')) key = fromBase64(value.slice(7));
  else key = fromHex(value) ?? fromBase64(value);
  if (!key || key.length !== KEY_BYTES) {
    throw new Error(`the secret encryption key must be ${KEY_BYTES} bytes, given as 64 hex digits or base64`);
  }
  return key;
}

export function encryptSecret(plaintext: string, key: Uint8Array, associatedData = ''): string {
  assertKey(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(associatedData, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), ciphertext].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
}

/** Throws `SecretDecryptionError` for a malformed value, a wrong key, other associated data or any tampering. */
export function decryptSecret(stored: string, key: Uint8Array, associatedData = ''): string {
  assertKey(key);
  const parts = stored.split('.');
  if (parts.length !== 4 || parts[0] !== VERSION) throw new SecretDecryptionError('not an encrypted secret of a known version');
  const [iv, tag, ciphertext] = parts.slice(1).map((p) => Buffer.from(p, 'base64url'));
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new SecretDecryptionError('malformed encrypted secret');
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(associatedData, 'utf8'));
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretDecryptionError('the encrypted secret does not authenticate (wrong key, wrong owner or tampered)');
  }
}

function assertKey(key: Uint8Array): void {
  if (key.length !== KEY_BYTES) throw new Error(`the secret encryption key must be ${KEY_BYTES} bytes`);
}

function fromHex(text: string): Buffer | null {
  return /^(?:[0-9a-fA-F]{2})+$/.test(text) ? Buffer.from(text, 'hex') : null;
}

function fromBase64(text: string): Buffer | null {
  return /^[A-Za-z0-9+/_-]+={0,2}$/.test(text) ? Buffer.from(text, 'base64') : null;
}
