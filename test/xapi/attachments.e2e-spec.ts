import { createHash } from 'node:crypto';
import { signStatement } from '../../libs/sources/xapi/src/fixtures/signing-key.fixture.js';
import { api } from '../support/hub.js';
import { createClient, lrs, statement, type TestClient } from './xapi-support.js';

const BOUNDARY = '-------314159265358979323846';
const CONTENT = 'here is a simple attachment';
const SHA = createHash('sha256').update(CONTENT).digest('hex');

const textAttachment = (overrides: Record<string, unknown> = {}) => ({
  usageType: 'http://example.com/attachment-usage/test',
  display: { 'en-US': 'A test attachment' },
  contentType: 'text/plain; charset=ascii',
  length: Buffer.byteLength(CONTENT),
  sha2: SHA,
  ...overrides,
});

function multipart(statements: unknown, parts: { headers: string[]; content: Buffer | string }[]): Buffer {
  const chunks: Buffer[] = [Buffer.from(`--${BOUNDARY}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(statements)}\r\n`)];
  for (const part of parts) chunks.push(Buffer.from(`--${BOUNDARY}\r\n${part.headers.join('\r\n')}\r\n\r\n`), Buffer.from(part.content), Buffer.from('\r\n'));
  chunks.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(chunks);
}

const rawBody = (res: import('supertest').Response, cb: (err: Error | null, body: Buffer) => void) => {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on('data', (c: Buffer) => chunks.push(c));
  stream.on('end', () => cb(null, Buffer.concat(chunks)));
};

const postMultipart = (client: TestClient, body: Buffer, type = `multipart/mixed; boundary=${BOUNDARY}`) =>
  api().post('/xAPI/statements').set(lrs(client)).set('Content-Type', type).send(body);

describe('attachments (Data 2.4.11, Communication 1.5)', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await createClient();
  });

  it('takes attachment data in multipart/mixed and returns it with attachments=true', async () => {
    const s = statement({ attachments: [textAttachment()] });
    const posted = await postMultipart(client, multipart(s, [{ headers: ['Content-Type: text/plain', 'Content-Transfer-Encoding: binary', `X-Experience-API-Hash: ${SHA}`], content: CONTENT }]));
    expect(posted.status).toBe(200);
    expect(posted.body).toEqual([s.id]);

    const plain = await api().get(`/xAPI/statements?statementId=${s.id as string}`).set(lrs(client)).expect(200);
    expect(plain.headers['content-type']).toBe('application/json');
    expect(plain.body.attachments).toEqual([textAttachment()]);

    const withData = await api().get(`/xAPI/statements?statementId=${s.id as string}&attachments=true`).set(lrs(client)).buffer(true).parse(rawBody).expect(200);
    const type = withData.headers['content-type'] as string;
    expect(type).toMatch(/^multipart\/mixed; boundary=/);
    const text = (withData.body as Buffer).toString('utf8');
    const boundary = type.split('boundary=')[1] as string;
    const parts = text.split(`--${boundary}`).slice(1, -1);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toContain('Content-Type: application/json');
    expect(JSON.parse((parts[0] as string).split('\r\n\r\n')[1] as string).id).toBe(s.id);
    expect(parts[1]).toContain(`X-Experience-API-Hash: ${SHA}`);
    expect(parts[1]).toContain(CONTENT);
  });

  it('takes attachments with fileUrl as application/json, but not ones without (Communication 1.5.1)', async () => {
    await api().post('/xAPI/statements').set(lrs(client)).send(statement({ attachments: [textAttachment({ fileUrl: 'http://over.there.com/file.txt' })] })).expect(200);
    await api().post('/xAPI/statements').set(lrs(client)).send(statement({ attachments: [textAttachment()] })).expect(400);
  });

  it.each([
    ['a first part that is not JSON', (s: unknown) => multipart(s, []).toString().replace('application/json', 'text/plain')],
    ['a part without X-Experience-API-Hash', (s: unknown) => multipart(s, [{ headers: ['Content-Type: text/plain', 'Content-Transfer-Encoding: binary'], content: CONTENT }])],
    ['a part whose hash matches no attachment', (s: unknown) => multipart(s, [{ headers: ['Content-Transfer-Encoding: binary', `X-Experience-API-Hash: ${'a'.repeat(64)}`], content: CONTENT }])],
    ['a part without Content-Transfer-Encoding binary', (s: unknown) => multipart(s, [{ headers: [`X-Experience-API-Hash: ${SHA}`], content: CONTENT }])],
    ['missing data for an attachment without fileUrl', (s: unknown) => multipart(s, [])],
    ['no closing boundary', (s: unknown) => multipart(s, []).toString().replace(`--${BOUNDARY}--\r\n`, '')],
  ])('rejects %s with 400', async (_name, build) => {
    const body = build(statement({ attachments: [textAttachment()] }));
    await postMultipart(client, Buffer.from(body)).expect(400);
  });

  it('rejects multipart/mixed without a boundary and multipart/form-data', async () => {
    const body = multipart(statement({ attachments: [textAttachment()] }), [{ headers: ['Content-Transfer-Encoding: binary', `X-Experience-API-Hash: ${SHA}`], content: CONTENT }]);
    await postMultipart(client, body, 'multipart/mixed;').expect(400);
    await postMultipart(client, body, `multipart/form-data; boundary=${BOUNDARY}`).expect(400);
  });
});

describe('signed Statements (Data 2.6)', () => {
  let client: TestClient;
  beforeAll(async () => {
    client = await createClient();
  });

  const signed = (options: { algorithm?: string; contentType?: string; breakJson?: boolean; withCertificate?: boolean } = {}) => {
    const s = statement();
    const jws = Buffer.from(
      options.breakJson ? signStatement(s, { rawPayload: JSON.stringify(s).replace('"', "'") }) : signStatement(s, { algorithm: options.algorithm, withCertificate: options.withCertificate }),
    );
    const sha2 = createHash('sha256').update(jws).digest('hex');
    const contentType = options.contentType ?? 'application/octet-stream';
    const withSignature: Record<string, unknown> = {
      ...s,
      attachments: [{ usageType: 'http://adlnet.gov/expapi/attachments/signature', display: { 'en-US': 'Signature' }, contentType, length: jws.length, sha2 }],
    };
    return { statement: withSignature, jws, body: multipart(withSignature, [{ headers: [`Content-Type: ${contentType}`, 'Content-Transfer-Encoding: binary', `X-Experience-API-Hash: ${sha2}`], content: jws }]) };
  };

  it('stores a well-signed Statement as sent and returns the signature with it', async () => {
    const { statement: s, jws, body } = signed({ withCertificate: true });
    await postMultipart(client, body).expect(200);
    const res = await api().get(`/xAPI/statements?statementId=${s.id as string}&attachments=true`).set(lrs(client)).buffer(true).parse(rawBody).expect(200);
    const text = (res.body as Buffer).toString('utf8');
    expect(text).toContain(jws.toString());
    const exact = await api().get(`/xAPI/statements?statementId=${s.id as string}`).set(lrs(client)).expect(200);
    expect(exact.body).toMatchObject(s);
  });

  it.each([
    ['a signature with the wrong contentType', { contentType: 'text/plain; charset=ascii' }],
    ['an HS256 signature', { algorithm: 'HS256' }],
    ['a payload that is not the Statement JSON', { breakJson: true }],
  ])('rejects %s with 400', async (_name, options) => {
    await postMultipart(client, signed(options).body).expect(400);
  });
});
