import { randomBytes } from 'node:crypto';
import { verifyPassword } from '../security/password-hash.js';
import { decryptSecret } from '../security/secret-box.js';
import type { AlmWebhookAuthDto } from './alm-webhook.dto.js';
import { authSettingsFrom, authView, type AuthFields } from './webhook-auth-settings.js';

const key = randomBytes(32);
const id = '0b7e4c1a-3f2d-4e5b-9a8c-7d6e5f4a3b2c';

async function settings(auth: AlmWebhookAuthDto, current: AuthFields | null = null): Promise<AuthFields> {
  const result = await authSettingsFrom(auth, current, id, key);
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.fields;
}

describe('authSettingsFrom', () => {
  it('applies the documented signature defaults and encrypts the secret bound to the webhook', async () => {
    const fields = await settings({ type: 'signature', secret: 's3cret' });
    expect(fields).toMatchObject({ authType: 'signature', signatureMode: 'hmac', signatureHeader: 'x-alm-signature', signatureAlgorithm: 'sha256', signatureEncoding: 'hex' });
    expect(fields.signatureSecret).not.toContain('s3cret');
    expect(decryptSecret(fields.signatureSecret!, key, id)).toBe('s3cret');
    expect(() => decryptSecret(fields.signatureSecret!, key, 'another-webhook')).toThrow();
  });

  it('hashes a Basic password', async () => {
    const fields = await settings({ type: 'basic', username: 'alm', password: 'pw' });
    expect(fields.basicPasswordHash).toMatch(/^scrypt\$/);
    expect(await verifyPassword('pw', fields.basicPasswordHash!)).toBe(true);
  });

  it('changes only the given fields when the type stays, so settings can be locked without re-entering the secret', async () => {
    const current = await settings({ type: 'signature', secret: 's3cret' });
    const locked = await settings({ type: 'signature', header: 'X-Signature', encoding: 'base64' }, current);
    expect(locked).toMatchObject({ signatureHeader: 'x-signature', signatureEncoding: 'base64', signatureAlgorithm: 'sha256', signatureSecret: current.signatureSecret });
    const rotated = await settings({ type: 'signature', secret: 'new' }, locked);
    expect(rotated).toMatchObject({ signatureHeader: 'x-signature', signatureEncoding: 'base64' });
    expect(decryptSecret(rotated.signatureSecret!, key, id)).toBe('new');
  });

  it('replaces the method when the type changes, requiring its fields and clearing the old ones', async () => {
    const current = await settings({ type: 'signature', secret: 's3cret' });
    expect(await authSettingsFrom({ type: 'basic', username: 'alm' }, current, id, key)).toEqual({
      ok: false,
      errors: [{ field: 'auth.password', message: 'password is required for auth type "basic"' }],
    });
    const basic = await settings({ type: 'basic', username: 'alm', password: 'pw' }, current);
    expect(basic).toMatchObject({ signatureSecret: null, signatureMode: null, signatureHeader: null });
    expect(await settings({ type: 'none' }, basic)).toMatchObject({ authType: 'none', basicUsername: null, basicPasswordHash: null });
  });

  it('refuses fields of another type and HMAC settings in token mode, naming them', async () => {
    const result = await authSettingsFrom({ type: 'none', secret: 'x', username: 'y' }, null, id, key);
    expect(result).toMatchObject({ ok: false, errors: [{ field: 'auth.username' }, { field: 'auth.secret' }] });
    const token = await authSettingsFrom({ type: 'signature', mode: 'token', secret: 'x', algorithm: 'sha1' }, null, id, key);
    expect(token).toMatchObject({ ok: false, errors: [{ field: 'auth.algorithm' }] });
  });

  it('shows settings, never the password, hash or secret', async () => {
    expect(authView(await settings({ type: 'basic', username: 'alm', password: 'pw' }))).toEqual({ type: 'basic', username: 'alm', passwordSet: true });
    expect(authView(await settings({ type: 'signature', mode: 'token', secret: 'tok', header: 'x-alm-token' }))).toEqual({ type: 'signature', mode: 'token', header: 'x-alm-token', secretSet: true });
  });
});
