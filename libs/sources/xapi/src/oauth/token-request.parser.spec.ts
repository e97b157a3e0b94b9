import { parseTokenRequest } from './token-request.parser.js';

const FORM = 'application/x-www-form-urlencoded';
const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

describe('parseTokenRequest (RFC 6749 section 4.4.2)', () => {
  it('reads the seed form request', () => {
    expect(parseTokenRequest({ contentType: FORM, rawBody: 'grant_type=client_credentials&client_id=partner123&client_secret=s3cr3t' })).toEqual({
      ok: true,
      request: { clientId: 'partner123', clientSecret: 's3cr3t', via: 'body' },
    });
  });

  it('reads a JSON body, also when it is sent with the form content type as in the seed', () => {
    const json = '{\n"grant_type": "client_credentials",\n"client_id": "partner123",\n"client_secret": "s3cr3t"\n}';
    const expected = { ok: true, request: { clientId: 'partner123', clientSecret: 's3cr3t', via: 'body' } };
    expect(parseTokenRequest({ contentType: 'application/json', rawBody: json })).toEqual(expected);
    expect(parseTokenRequest({ contentType: FORM, rawBody: Buffer.from(json) })).toEqual(expected);
  });

  it('reads HTTP Basic client authentication, form-decoding the credentials', () => {
    expect(parseTokenRequest({ contentType: FORM, rawBody: 'grant_type=client_credentials', authorization: basic('a%2Bb', 's+t') })).toEqual({
      ok: true,
      request: { clientId: 'a+b', clientSecret: 's t', via: 'basic' },
    });
  });

  it('keeps a scope', () => {
    const parsed = parseTokenRequest({ contentType: FORM, rawBody: 'grant_type=client_credentials&client_id=a&client_secret=b&scope=statements/write' });
    expect(parsed.ok && parsed.request.scope).toBe('statements/write');
  });

  it.each([
    ['a missing grant_type', { contentType: FORM, rawBody: 'client_id=a&client_secret=b' }, 'invalid_request'],
    ['a repeated parameter', { contentType: FORM, rawBody: 'grant_type=client_credentials&client_id=a&client_id=b&client_secret=c' }, 'invalid_request'],
    ['an unsupported content type', { contentType: 'text/plain', rawBody: 'grant_type=client_credentials' }, 'invalid_request'],
    ['broken JSON', { contentType: 'application/json', rawBody: '{"grant_type":' }, 'invalid_request'],
    ['a JSON array', { contentType: 'application/json', rawBody: '[]' }, 'invalid_request'],
    ['a non-string JSON value', { contentType: 'application/json', rawBody: '{"grant_type":"client_credentials","client_id":1,"client_secret":"x"}' }, 'invalid_request'],
    ['Basic and a body secret', { contentType: FORM, rawBody: 'grant_type=client_credentials&client_secret=b', authorization: basic('a', 'b') }, 'invalid_request'],
    ['another grant type', { contentType: FORM, rawBody: 'grant_type=password&username=a&password=b' }, 'unsupported_grant_type'],
    ['no client authentication', { contentType: FORM, rawBody: 'grant_type=client_credentials' }, 'invalid_client'],
    ['a secret without id', { contentType: FORM, rawBody: 'grant_type=client_credentials&client_secret=b' }, 'invalid_client'],
    ['malformed Basic credentials', { contentType: FORM, rawBody: 'grant_type=client_credentials', authorization: 'Basic !!!' }, 'invalid_client'],
  ])('rejects %s', (_name, input, error) => {
    expect(parseTokenRequest(input)).toMatchObject({ ok: false, error });
  });
});
