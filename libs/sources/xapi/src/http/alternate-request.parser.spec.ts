import { parseAlternateRequest, type AlternateRequestInput } from './alternate-request.parser.js';

const STATEMENT = JSON.stringify({ actor: { mbox: 'mailto:a@example.com' }, verb: { id: 'http://example.com/v' }, object: { id: 'http://example.com/a' } });
const input = (overrides: Partial<AlternateRequestInput>): AlternateRequestInput => ({
  httpMethod: 'POST',
  query: { method: 'PUT' },
  headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-experience-api-version': '1.0.3' },
  body: new URLSearchParams({ statementId: 'fd41c918-b88b-4b20-a0a5-a4c32391aaa0', content: STATEMENT }).toString(),
  ...overrides,
});

describe('Alternate Request Syntax (Communication 1.3, XAPI-00336)', () => {
  it('leaves a request without "method" alone', () => {
    expect(parseAlternateRequest(input({ query: { statementId: 'x' } }))).toEqual({ ok: true, alternate: false });
  });

  it('unwraps a PUT: form parameters become query, content becomes a JSON body (Communication 1.3.s3.b4, b14)', () => {
    expect(parseAlternateRequest(input({}))).toEqual({
      ok: true,
      alternate: true,
      request: {
        method: 'PUT',
        query: { statementId: 'fd41c918-b88b-4b20-a0a5-a4c32391aaa0' },
        headers: { 'x-experience-api-version': '1.0.3', 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(STATEMENT)) },
        body: STATEMENT,
      },
    });
  });

  it('XAPI-00148: unwraps a GET whose parameters are in the form', () => {
    const parse = parseAlternateRequest(input({ query: { method: 'GET' }, body: 'limit=1' }));
    expect(parse).toMatchObject({ ok: true, alternate: true, request: { method: 'GET', query: { limit: '1' } } });
    expect(parse.ok && parse.alternate && parse.request.headers['content-type']).toBeUndefined();
  });

  it('treats Authorization, X-Experience-API-Version, Content-Type, Content-Length, If-Match, If-None-Match as headers (Communication 1.3.s3.b7)', () => {
    const form = { 'X-Experience-API-Version': '1.0.3', Authorization: 'Basic Og==', 'Content-Type': 'application/json', 'If-Match': '"abc"', content: STATEMENT };
    const parse = parseAlternateRequest(input({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form }));
    expect(parse).toMatchObject({
      ok: true,
      request: { headers: { authorization: 'Basic Og==', 'x-experience-api-version': '1.0.3', 'content-type': 'application/json', 'if-match': '"abc"' }, query: {} },
    });
  });

  it('lets form-carried headers win over the envelope\'s real ones, since the form parameters are the headers (Communication 1.3.s3.b7)', () => {
    const body = new URLSearchParams({ 'X-Experience-API-Version': '0.8', Authorization: 'Basic Og==', 'Content-Type': 'application/json', content: STATEMENT }).toString();
    const parse = parseAlternateRequest(input({ headers: { ...input({}).headers, authorization: 'Bearer real' }, body }));
    expect(parse.ok && parse.alternate && parse.request.headers).toMatchObject({
      'x-experience-api-version': '0.8',
      authorization: 'Basic Og==',
      'content-type': 'application/json',
    });
  });

  it('rejects the syntax when not sent as POST (Communication 1.3.s3.b1)', () => {
    expect(parseAlternateRequest(input({ httpMethod: 'GET', query: { method: 'POST' } })).ok).toBe(false);
  });

  it('rejects query parameters other than method (Communication 1.3.s3.b3)', () => {
    const parse = parseAlternateRequest(input({ query: { method: 'PUT', statementId: 'fd41c918-b88b-4b20-a0a5-a4c32391aaa0' } }));
    expect(parse.ok ? [] : parse.errors.map((e) => e.path)).toEqual(['statementId']);
  });

  it('rejects a PUT or POST without a "content" form parameter, e.g. a JSON body sent as a form', () => {
    expect(parseAlternateRequest(input({ body: undefined })).ok).toBe(false);
    expect(parseAlternateRequest(input({ body: JSON.stringify({ statementId: 'x', content: STATEMENT }) })).ok).toBe(false);
  });

  it('rejects an unknown method, a non-form envelope and repeated form fields', () => {
    expect(parseAlternateRequest(input({ query: { method: 'PATCH' } })).ok).toBe(false);
    expect(parseAlternateRequest(input({ headers: { 'content-type': 'application/json' } })).ok).toBe(false);
    expect(parseAlternateRequest(input({ body: `content=${encodeURIComponent(STATEMENT)}&content=x` })).ok).toBe(false);
  });
});
