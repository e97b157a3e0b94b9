import { createHash } from 'node:crypto';
import { signStatement } from '../fixtures/signing-key.fixture.js';
import { attachment, statement } from '../fixtures/statement-templates.fixture.js';
import type { Statement } from '../statements/statement.types.js';
import { validateStatements } from '../statements/validation/statement.validator.js';
import { checkAttachmentParts } from './attachment-parts.checker.js';
import { buildMultipartMixed, buildStatementsMultipart } from './multipart-mixed.builder.js';
import { parseMultipartMixed } from './multipart-mixed.parser.js';
import { parseStatementMultipart } from './statement-multipart.parser.js';

const CONTENT = 'hello world';
const SHA = createHash('sha256').update(CONTENT).digest('hex');
const TYPE = 'multipart/mixed; boundary=b0undary';

/** A Statement with one attachment that comes as raw data (no fileUrl). */
const withRawAttachment = (): Record<string, unknown> => {
  const { fileUrl: _omitted, ...raw } = attachment();
  return { ...statement(), attachments: [{ ...raw, sha2: SHA }] };
};

/** A multipart request body the way Learning Record Providers build it, line breaks configurable. */
function requestBody(json: unknown, parts: { headers: string[]; content: string | Buffer }[], eol = '\r\n'): Buffer {
  const chunks: Buffer[] = [Buffer.from(`--b0undary${eol}Content-Type: application/json${eol}${eol}${JSON.stringify(json)}${eol}`)];
  for (const part of parts) {
    chunks.push(Buffer.from(`--b0undary${eol}${part.headers.join(eol)}${eol}${eol}`), Buffer.from(part.content), Buffer.from(eol));
  }
  chunks.push(Buffer.from(`--b0undary--${eol}`));
  return Buffer.concat(chunks);
}
const attachmentHeaders = (sha = SHA) => ['Content-Type: text/plain', 'Content-Transfer-Encoding: binary', `X-Experience-API-Hash: ${sha}`];

/** The whole write path of the Statement resource for a multipart request. */
function receive(body: Buffer, contentType = TYPE) {
  const parsed = parseStatementMultipart(body, contentType);
  if (!parsed.ok) return parsed;
  const validated = validateStatements(parsed.statements);
  if (!validated.ok) return validated;
  return checkAttachmentParts(validated.statements, parsed.parts);
}

describe('Statements with attachments in multipart/mixed (Data 2.4.11, Communication 1.5.2)', () => {
  it.each([
    ['CRLF', '\r\n'],
    ['bare LF', '\n'],
  ])('accepts a Statement with its attachment data (%s line breaks)', (_name, eol) => {
    const result = receive(requestBody(withRawAttachment(), [{ headers: attachmentHeaders(), content: CONTENT }], eol));
    expect(result).toEqual({ ok: true, attachments: [{ sha2: SHA, contentType: 'text/plain; charset=utf-8', content: Buffer.from(CONTENT) }] });
  });

  it('accepts a batch sharing one attachment part (Communication 1.5.2.s2.b2.b5) and attachments that use fileUrl', () => {
    const batch = [withRawAttachment(), { ...withRawAttachment(), id: undefined }, { ...statement(), id: undefined, attachments: [attachment()] }];
    expect(receive(requestBody(batch, [{ headers: attachmentHeaders(), content: CONTENT }])).ok).toBe(true);
  });

  it('accepts multipart/mixed without any attachment (Communication 1.5.2.s3.b8)', () => {
    expect(receive(requestBody(statement(), [])).ok).toBe(true);
  });

  it('rejects a first part that is not application/json (Communication 1.5.2.s2.b2.b1)', () => {
    const body = Buffer.from(requestBody(withRawAttachment(), []).toString().replace('application/json', 'text/plain'));
    expect(receive(body)).toMatchObject({ ok: false, errors: [{ path: 'parts[0]' }] });
  });

  it('rejects Statements split over several parts: later parts need an X-Experience-API-Hash', () => {
    const body = requestBody(withRawAttachment(), [
      { headers: ['Content-Type: application/json'], content: JSON.stringify(statement()) },
      { headers: attachmentHeaders(), content: CONTENT },
    ]);
    expect(receive(body)).toMatchObject({ ok: false, errors: [{ path: 'parts[1]' }, { path: 'parts[1]' }] });
  });

  it('rejects a part without X-Experience-API-Hash or without Content-Transfer-Encoding binary (Communication 1.5.2.s2.b2.b3-b4)', () => {
    expect(receive(requestBody(withRawAttachment(), [{ headers: ['Content-Transfer-Encoding: binary'], content: CONTENT }])).ok).toBe(false);
    expect(receive(requestBody(withRawAttachment(), [{ headers: [`X-Experience-API-Hash: ${SHA}`, 'Content-Transfer-Encoding: base64'], content: CONTENT }])).ok).toBe(false);
  });

  it('rejects a part whose hash matches no attachment', () => {
    const other = createHash('sha256').update('other').digest('hex');
    const body = requestBody(withRawAttachment(), [
      { headers: attachmentHeaders(), content: CONTENT },
      { headers: attachmentHeaders(other), content: 'other' },
    ]);
    expect(receive(body)).toEqual({ ok: false, errors: [{ path: 'parts[2]', message: 'X-Experience-API-Hash matches the sha2 of no attachment in the Statements' }] });
  });

  it('rejects an attachment that has neither fileUrl nor data (Communication 1.5.2.s3.b5)', () => {
    expect(receive(requestBody(withRawAttachment(), []))).toEqual({
      ok: false,
      errors: [{ path: '[0].attachments[0]', message: 'has neither a fileUrl nor a multipart part with its sha2 as X-Experience-API-Hash' }],
    });
  });

  it('rejects an application/json request with an attachment lacking fileUrl (Communication 1.5.1.s1.b2)', () => {
    const validated = validateStatements([statement(), withRawAttachment()].map((s, i) => (i ? { ...s, id: undefined } : s)));
    expect(validated.ok && checkAttachmentParts(validated.statements, []).ok).toBe(false);
  });

  it('rejects a malformed multipart body: JSON that runs into the next part', () => {
    const body = Buffer.from(`--b0undary\nContent-Type: application/json\n\n${JSON.stringify(withRawAttachment())}\n\nContent-Transfer-Encoding: binary\n\nhello world\n--b0undary--\n`);
    expect(receive(body)).toMatchObject({ ok: false, errors: [{ path: 'parts[0]', message: 'the first part is not valid JSON' }] });
  });

  it('compares content with its hash only when asked to', () => {
    const statements = [withRawAttachment() as unknown as Statement];
    const parts = [{ sha2: SHA, content: Buffer.from('tampered') }];
    expect(checkAttachmentParts(statements, parts).ok).toBe(true);
    expect(checkAttachmentParts(statements, parts, { verifyContentHash: true }).ok).toBe(false);
  });
});

describe('Signed Statements sent as multipart (Data 2.6.s5)', () => {
  function signedRequest(signature: string, contentType = 'application/octet-stream'): Buffer {
    const jws = Buffer.from(signature);
    const signed = {
      ...statement(),
      attachments: [
        {
          usageType: 'http://adlnet.gov/expapi/attachments/signature',
          display: { 'en-US': 'Signature' },
          contentType,
          length: jws.length,
          sha2: createHash('sha256').update(jws).digest('hex'),
        },
      ],
    };
    return requestBody(signed, [{ headers: [`Content-Type:${contentType}`, 'Content-Transfer-Encoding:binary', `X-Experience-API-Hash:${signed.attachments[0]?.sha2}`], content: jws }]);
  }

  it('accepts a well-formed RS256 signature', () => {
    expect(receive(signedRequest(signStatement(statement()))).ok).toBe(true);
  });

  it('rejects a malformed signature: wrong contentType, wrong algorithm, broken JSON payload', () => {
    expect(receive(signedRequest(signStatement(statement()), 'text/plain; charset=ascii')).ok).toBe(false);
    const hs256 = signStatement(statement()).replace(/^[^.]+/, Buffer.from('{"alg":"HS256"}').toString('base64url'));
    expect(receive(signedRequest(hs256)).ok).toBe(false);
    expect(receive(signedRequest(signStatement(statement(), { rawPayload: JSON.stringify(statement()).replace('"', "'") }))).ok).toBe(false);
  });
});

describe('Building multipart/mixed responses (GET /statements?attachments=true, Communication 2.1.3.s2.b6)', () => {
  it('puts the Statements first as application/json, then each attachment with its hash, and parses back', () => {
    const result = { statements: [withRawAttachment()], more: '' };
    const message = buildStatementsMultipart(result, [{ sha2: SHA, contentType: 'text/plain', content: Buffer.from(CONTENT) }]);
    expect(message.contentType).toMatch(/^multipart\/mixed; boundary=xapi-[0-9a-f]{32}$/);
    const parsed = parseMultipartMixed(message.body, message.contentType);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(JSON.parse(parsed.parts[0]?.body.toString() ?? '')).toEqual(result);
    expect(parsed.parts[1]).toEqual({
      headers: { 'content-type': 'text/plain', 'content-transfer-encoding': 'binary', 'x-experience-api-hash': SHA },
      body: Buffer.from(CONTENT),
    });
  });

  it('never uses a boundary that occurs inside a part', () => {
    const message = buildMultipartMixed([{ headers: {}, body: '--fixed' }], 'fixed');
    expect(message.contentType).not.toBe('multipart/mixed; boundary=fixed');
  });
});
