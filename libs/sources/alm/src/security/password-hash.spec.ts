import { hashPassword, verifyPassword } from './password-hash.js';

describe('hashPassword / verifyPassword', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('correct horse');
    expect(stored).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(stored).not.toContain('correct horse');
    await expect(verifyPassword('correct horse', stored)).resolves.toBe(true);
    await expect(verifyPassword('correct horsf', stored)).resolves.toBe(false);
    await expect(verifyPassword('', stored)).resolves.toBe(false);
  });

  it('salts every hash', async () => {
    expect(await hashPassword('same')).not.toBe(await hashPassword('same'));
  });

  it('reads its parameters back from the stored value', async () => {
    const cheap = await hashPassword('pw', { N: 1024 });
    expect(cheap.startsWith('scrypt$1024$8$1$')).toBe(true);
    await expect(verifyPassword('pw', cheap)).resolves.toBe(true);
  });

  it('treats a tampered or malformed stored value as "no match" without throwing', async () => {
    const stored = await hashPassword('pw', { N: 1024 });
    const parts = stored.split('$');
    for (const bad of [
      '', 'plain-text-password', 'bcrypt$1$2$3$4$5',
      [...parts.slice(0, 1), String(2 ** 30), ...parts.slice(2)].join('$'), // memory bomb
      [...parts.slice(0, 1), '1000', ...parts.slice(2)].join('$'), // N not a power of two
      [...parts.slice(0, 5), 'AAAA'].join('$'), // hash too short
    ]) {
      await expect(verifyPassword('pw', bad)).resolves.toBe(false);
    }
  });
});
