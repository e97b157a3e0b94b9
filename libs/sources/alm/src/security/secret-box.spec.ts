import { randomBytes } from 'node:crypto';
import { decryptSecret, encryptSecret, parseEncryptionKey, SecretDecryptionError } from './secret-box.js';

const key = randomBytes(32);

describe('encryptSecret / decryptSecret', () => {
  it('round-trips, never shows the secret, and uses a fresh IV each time', () => {
    const stored = encryptSecret('whsec-äöü-🙂', key, 'webhook-1');
    expect(stored).toMatch(/^v1\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(stored).not.toContain('whsec');
    expect(decryptSecret(stored, key, 'webhook-1')).toBe('whsec-äöü-🙂');
    expect(encryptSecret('whsec', key)).not.toBe(encryptSecret('whsec', key));
  });

  it('detects tampering with any part', () => {
    const stored = encryptSecret('whsec-1', key);
    const parts = stored.split('.');
    for (const i of [1, 2, 3]) {
      const bytes = Buffer.from(parts[i], 'base64url');
      bytes[0] ^= 1;
      const tampered = parts.map((p, j) => (j === i ? bytes.toString('base64url') : p)).join('.');
      expect(() => decryptSecret(tampered, key)).toThrow(SecretDecryptionError);
    }
  });

  it('refuses another key, another owner, and values that are no encrypted secret', () => {
    const stored = encryptSecret('whsec-1', key, 'webhook-1');
    expect(() => decryptSecret(stored, randomBytes(32), 'webhook-1')).toThrow(SecretDecryptionError);
    expect(() => decryptSecret(stored, key, 'webhook-2')).toThrow(SecretDecryptionError);
    for (const bad of ['', 'whsec-1', 'v2.a.b.c', 'v1.a.b', 'v1.AAAA.AAAA.AAAA']) {
      expect(() => decryptSecret(bad, key)).toThrow(SecretDecryptionError);
    }
  });

  it('refuses a key of the wrong size', () => {
    expect(() => encryptSecret('x', randomBytes(16))).toThrow(/32 bytes/);
  });
});

describe('parseEncryptionKey', () => {
  it('reads 32 bytes from hex or base64, with or without a prefix', () => {
    expect(parseEncryptionKey(key.toString('hex'))).toEqual(key);
    expect(parseEncryptionKey(key.toString('hex').toUpperCase())).toEqual(key);
    expect(parseEncryptionKey(key.toString('base64'))).toEqual(key);
    expect(parseEncryptionKey(key.toString('base64url'))).toEqual(key);
    expect(parseEncryptionKey(` base64:${key.toString('base64')} `)).toEqual(key);
    expect(parseEncryptionKey(`hex:${key.toString('hex')}`)).toEqual(key);
  });

  it('refuses anything that is not 32 bytes', () => {
    for (const bad of ['', 'short', randomBytes(16).toString('hex'), randomBytes(31).toString('base64'), 'hex:zz', 'not base64 at all!']) {
      expect(() => parseEncryptionKey(bad)).toThrow(/32 bytes/);
    }
  });
});
