import { parseBasicAuthorization, verifyBasicAuth } from './basic-auth.js';
import { hashPassword } from './password-hash.js';

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

describe('parseBasicAuthorization', () => {
  it('reads user and password, the password may contain colons', () => {
    expect(parseBasicAuthorization(basic('alm', 'p:a:ss'))).toEqual({ username: 'alm', password: 'p:a:ss' });
    expect(parseBasicAuthorization(`basic   ${Buffer.from('ä:ö').toString('base64')}`)).toEqual({ username: 'ä', password: 'ö' });
  });

  it('gives null for other schemes and malformed values', () => {
    for (const value of [undefined, '', 'Bearer abc', 'Basic', 'Basic !!!', `Basic ${Buffer.from('nocolon').toString('base64')}`]) {
      expect(parseBasicAuthorization(value)).toBeNull();
    }
  });
});

describe('verifyBasicAuth', () => {
  let passwordHash: string;
  beforeAll(async () => {
    passwordHash = await hashPassword('s3cret', { N: 1024 });
  });

  it('accepts the right credentials and refuses wrong user, wrong password or no header', async () => {
    const expected = { username: 'alm-webhook', passwordHash };
    await expect(verifyBasicAuth({ authorization: basic('alm-webhook', 's3cret') }, expected)).resolves.toBe(true);
    await expect(verifyBasicAuth({ Authorization: basic('alm-webhook', 's3cret') }, expected)).resolves.toBe(true);
    await expect(verifyBasicAuth({ authorization: basic('someone', 's3cret') }, expected)).resolves.toBe(false);
    await expect(verifyBasicAuth({ authorization: basic('alm-webhook', 'S3cret') }, expected)).resolves.toBe(false);
    await expect(verifyBasicAuth({}, expected)).resolves.toBe(false);
    await expect(verifyBasicAuth({ authorization: 'Bearer s3cret' }, expected)).resolves.toBe(false);
  });
});
