import { createHmac } from 'node:crypto';
import { verifyAlmSignature } from './alm-signature.js';
import { detectAlmSignatureScheme } from './detect-signature-scheme.js';

const rawBody = Buffer.from('{"accountId":1,"events":[]}');
const secret = 'downloaded-from-alm';

describe('detectAlmSignatureScheme', () => {
  it('finds header, algorithm and encoding of an HMAC signature, and the result verifies', () => {
    const headers = {
      'content-type': 'application/json',
      'x-adobe-signature': `sha512=${createHmac('sha512', secret).update(rawBody).digest('base64')}`,
      'x-request-id': 'abc',
    };
    const found = detectAlmSignatureScheme({ rawBody, headers, secret });
    expect(found).toEqual([{ mode: 'hmac', header: 'x-adobe-signature', algorithm: 'sha512', encoding: 'base64' }]);
    expect(verifyAlmSignature({ rawBody, headers, config: { ...found[0], secret } })).toEqual({ ok: true });
  });

  it('recognises a static token', () => {
    expect(detectAlmSignatureScheme({ rawBody, headers: { Signature: secret }, secret })).toEqual([
      { mode: 'token', header: 'signature', algorithm: 'sha256', encoding: 'hex' },
    ]);
  });

  it('finds nothing when no header matches the secret', () => {
    const headers = { 'x-alm-signature': createHmac('sha256', 'other').update(rawBody).digest('hex') };
    expect(detectAlmSignatureScheme({ rawBody, headers, secret })).toEqual([]);
  });
});
