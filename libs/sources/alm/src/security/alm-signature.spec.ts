import { createHmac } from 'node:crypto';
import { resolveAlmSignatureConfig, signAlmBody, verifyAlmSignature, type AlmSignatureConfig } from './alm-signature.js';

const rawBody = Buffer.from('{"accountId":1234,"events":[{"eventId":"e","eventName":"COURSE_ENROLLMENT"}]}\n');
const secret = 'whsec-0123456789';
const hmac = (algorithm: string, body: Buffer, encoding: 'hex' | 'base64', key = secret) =>
  createHmac(algorithm, key).update(body).digest(encoding);

describe('verifyAlmSignature: HMAC mode', () => {
  const config: AlmSignatureConfig = { mode: 'hmac', secret };

  it('accepts the default scheme: HMAC-SHA256, hex, x-alm-signature', () => {
    expect(verifyAlmSignature({ rawBody, headers: { 'x-alm-signature': hmac('sha256', rawBody, 'hex') }, config })).toEqual({ ok: true });
  });

  it('finds the header whatever its case and accepts an upper-case hex digest', () => {
    const headers = { 'X-ALM-Signature': hmac('sha256', rawBody, 'hex').toUpperCase() };
    expect(verifyAlmSignature({ rawBody, headers, config })).toEqual({ ok: true });
  });

  it('refuses a signature made with the wrong secret', () => {
    const headers = { 'x-alm-signature': hmac('sha256', rawBody, 'hex', 'other-secret') };
    expect(verifyAlmSignature({ rawBody, headers, config })).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a body altered after signing, even by one byte or a trailing newline', () => {
    const headers = { 'x-alm-signature': hmac('sha256', rawBody, 'hex') };
    const altered = Buffer.from(rawBody);
    altered[10] ^= 1;
    expect(verifyAlmSignature({ rawBody: altered, headers, config })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyAlmSignature({ rawBody: rawBody.subarray(0, -1), headers, config })).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('refuses a missing, empty or repeated header', () => {
    expect(verifyAlmSignature({ rawBody, headers: {}, config })).toEqual({ ok: false, reason: 'missing_header' });
    expect(verifyAlmSignature({ rawBody, headers: { 'x-alm-signature': '  ' }, config })).toEqual({ ok: false, reason: 'missing_header' });
    const sig = hmac('sha256', rawBody, 'hex');
    expect(verifyAlmSignature({ rawBody, headers: { 'x-alm-signature': [sig, sig] }, config })).toEqual({ ok: false, reason: 'ambiguous_header' });
  });

  it('refuses values that are not in the configured encoding', () => {
    for (const value of ['not-hex!', 'abc', hmac('sha256', rawBody, 'base64')]) {
      expect(verifyAlmSignature({ rawBody, headers: { 'x-alm-signature': value }, config })).toEqual({ ok: false, reason: 'malformed' });
    }
  });

  it('refuses a truncated or extended digest without revealing the expected length', () => {
    const sig = hmac('sha256', rawBody, 'hex');
    expect(verifyAlmSignature({ rawBody, headers: { 'x-alm-signature': sig.slice(0, 32) }, config })).toEqual({ ok: false, reason: 'mismatch' });
    expect(verifyAlmSignature({ rawBody, headers: { 'x-alm-signature': `${sig}00` }, config })).toEqual({ ok: false, reason: 'mismatch' });
  });

  it.each([
    ['sha256', 'hex'], ['sha256', 'base64'], ['sha1', 'hex'], ['sha1', 'base64'], ['sha512', 'hex'], ['sha512', 'base64'],
  ] as const)('verifies %s in %s, with or without the algorithm prefix, in a custom header', (algorithm, encoding) => {
    const cfg: AlmSignatureConfig = { mode: 'hmac', secret, algorithm, encoding, header: 'X-Signature' };
    const sig = hmac(algorithm, rawBody, encoding);
    expect(verifyAlmSignature({ rawBody, headers: { 'x-signature': sig }, config: cfg })).toEqual({ ok: true });
    expect(verifyAlmSignature({ rawBody, headers: { 'x-signature': `${algorithm}=${sig}` }, config: cfg })).toEqual({ ok: true });
    expect(verifyAlmSignature({ rawBody, headers: { 'x-signature': `${algorithm.toUpperCase()}=${sig}` }, config: cfg })).toEqual({ ok: true });
    expect(verifyAlmSignature({ rawBody, headers: { 'x-alm-signature': sig }, config: cfg })).toEqual({ ok: false, reason: 'missing_header' });
    expect(signAlmBody(rawBody, cfg)).toBe(sig);
  });

  it('does not take another algorithm\'s prefix or digest', () => {
    const sha1 = hmac('sha1', rawBody, 'hex');
    expect(verifyAlmSignature({ rawBody, headers: { 'x-alm-signature': `sha1=${hmac('sha256', rawBody, 'hex')}` }, config })).toMatchObject({ ok: false });
    expect(verifyAlmSignature({ rawBody, headers: { 'x-alm-signature': sha1 }, config })).toEqual({ ok: false, reason: 'mismatch' });
  });

  it('accepts URL-safe and unpadded base64', () => {
    const cfg: AlmSignatureConfig = { mode: 'hmac', secret, encoding: 'base64' };
    const urlSafe = createHmac('sha256', secret).update(rawBody).digest('base64url');
    expect(verifyAlmSignature({ rawBody, headers: { 'x-alm-signature': urlSafe }, config: cfg })).toEqual({ ok: true });
  });

  it('verifies an empty body and binary bodies byte for byte', () => {
    const empty = Buffer.alloc(0);
    expect(verifyAlmSignature({ rawBody: empty, headers: { 'x-alm-signature': hmac('sha256', empty, 'hex') }, config })).toEqual({ ok: true });
    const latin = Buffer.from([0x7b, 0xe4, 0x7d]); // not valid UTF-8: must not be re-encoded before hashing
    expect(verifyAlmSignature({ rawBody: latin, headers: { 'x-alm-signature': hmac('sha256', latin, 'hex') }, config })).toEqual({ ok: true });
  });
});

describe('verifyAlmSignature: token mode', () => {
  const config: AlmSignatureConfig = { mode: 'token', secret, header: 'x-alm-token' };

  it('accepts the header carrying the secret itself, for any body', () => {
    expect(verifyAlmSignature({ rawBody, headers: { 'x-alm-token': secret }, config })).toEqual({ ok: true });
    expect(verifyAlmSignature({ rawBody: Buffer.from('other'), headers: { 'x-alm-token': ` ${secret} ` }, config })).toEqual({ ok: true });
  });

  it('refuses a wrong, partial or missing token', () => {
    for (const value of ['wrong', secret.slice(0, -1), `${secret}x`, secret.toUpperCase()]) {
      expect(verifyAlmSignature({ rawBody, headers: { 'x-alm-token': value }, config })).toEqual({ ok: false, reason: 'mismatch' });
    }
    expect(verifyAlmSignature({ rawBody, headers: {}, config })).toEqual({ ok: false, reason: 'missing_header' });
  });
});

describe('resolveAlmSignatureConfig', () => {
  it('applies the documented defaults', () => {
    expect(resolveAlmSignatureConfig({ mode: 'hmac', secret: 's' })).toEqual({
      mode: 'hmac', algorithm: 'sha256', header: 'x-alm-signature', encoding: 'hex', secret: 's',
    });
  });

  it('refuses configurations that could never verify', () => {
    expect(() => resolveAlmSignatureConfig({ mode: 'hmac', secret: '' })).toThrow(/empty/);
    expect(() => resolveAlmSignatureConfig({ mode: 'hmac', secret: 's', algorithm: 'md5' as never })).toThrow(/algorithm/);
    expect(() => resolveAlmSignatureConfig({ mode: 'hmac', secret: 's', encoding: 'utf8' as never })).toThrow(/encoding/);
    expect(() => resolveAlmSignatureConfig({ mode: 'hmac', secret: 's', header: 'bad header' })).toThrow(/header/);
    expect(() => resolveAlmSignatureConfig({ mode: 'plain' as never, secret: 's' })).toThrow(/mode/);
  });
});
