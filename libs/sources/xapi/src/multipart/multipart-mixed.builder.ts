import { randomBytes } from 'node:crypto';
import { ATTACHMENT_HASH_HEADER } from '../xapi.constants.js';
import type { AttachmentPayload } from './attachment-parts.checker.js';

export interface MultipartPartInput {
  headers: Record<string, string>;
  body: Buffer | string;
}

export interface MultipartMessage {
  /** The value for the response's Content-Type header, boundary included. */
  contentType: string;
  body: Buffer;
}

const CRLF = '\r\n';

/** Builds an RFC 2046 `multipart/mixed` body with CRLF line breaks and a boundary that occurs in no part. */
export function buildMultipartMixed(parts: readonly MultipartPartInput[], boundary?: string): MultipartMessage {
  const bodies = parts.map((part) => (typeof part.body === 'string' ? Buffer.from(part.body, 'utf8') : part.body));
  let chosen = boundary ?? randomBoundary();
  while (bodies.some((body) => body.includes(`--${chosen}`))) chosen = randomBoundary();
  const chunks: Buffer[] = [];
  parts.forEach((part, index) => {
    const head = Object.entries(part.headers)
      .map(([name, value]) => `${name}: ${value}${CRLF}`)
      .join('');
    chunks.push(Buffer.from(`--${chosen}${CRLF}${head}${CRLF}`, 'utf8'), bodies[index] as Buffer, Buffer.from(CRLF));
  });
  chunks.push(Buffer.from(`--${chosen}--${CRLF}`));
  return { contentType: `multipart/mixed; boundary=${chosen}`, body: Buffer.concat(chunks) };
}

/**
 * The GET /statements response with attachments=true (Communication 2.1.3.s2.b6, 1.5.2): the Statement or
 * StatementResult as the first, application/json part, then one binary part per attachment.
 */
export function buildStatementsMultipart(payload: unknown, attachments: readonly AttachmentPayload[]): MultipartMessage {
  return buildMultipartMixed([
    { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) },
    ...attachments.map((attachment) => ({
      headers: {
        'Content-Type': attachment.contentType,
        'Content-Transfer-Encoding': 'binary',
        [ATTACHMENT_HASH_HEADER]: attachment.sha2,
      },
      body: attachment.content,
    })),
  ]);
}

function randomBoundary(): string {
  return `xapi-${randomBytes(16).toString('hex')}`;
}
