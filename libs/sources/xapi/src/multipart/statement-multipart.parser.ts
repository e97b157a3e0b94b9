import { isSha2Hex, mediaTypeEssence } from '../statements/formats/identifier.format.js';
import { Issues, type Validated } from '../statements/validation/validation-issues.js';
import { parseMultipartMixed } from './multipart-mixed.parser.js';

/** The raw data of one attachment, as received in a multipart part after the first. */
export interface AttachmentPart {
  /** The part's X-Experience-API-Hash, lower-cased. */
  sha2: string;
  contentType?: string;
  content: Buffer;
}

/**
 * Reads a Statement request sent as `multipart/mixed` (Communication 1.5.2.s2.b2): the first part holds the
 * Statement(s) as application/json, every later part one attachment with an X-Experience-API-Hash header and
 * Content-Transfer-Encoding binary. The Statements come back unvalidated (pass them to `validateStatements`), the
 * parts unmatched (pass both to `checkAttachmentParts`).
 */
export function parseStatementMultipart(
  body: Buffer,
  contentType: string | undefined,
): Validated<{ statements: unknown; parts: AttachmentPart[] }> {
  const parsed = parseMultipartMixed(body, contentType);
  if (!parsed.ok) return parsed;
  const [first, ...rest] = parsed.parts;
  const issues = new Issues();
  if (!first) return { ok: false, errors: [{ path: 'body', message: 'has no parts' }] };
  if (mediaTypeEssence(first.headers['content-type'] ?? '') !== 'application/json') {
    issues.add('parts[0]', 'the first part must have Content-Type application/json and hold the Statements');
  }
  let statements: unknown;
  try {
    statements = JSON.parse(first.body.toString('utf8'));
  } catch {
    issues.add('parts[0]', 'the first part is not valid JSON');
  }
  const parts: AttachmentPart[] = [];
  rest.forEach((part, offset) => {
    const path = `parts[${offset + 1}]`;
    const hash = part.headers['x-experience-api-hash'];
    if (!hash) issues.add(path, 'every part after the first needs an X-Experience-API-Hash header');
    else if (!isSha2Hex(hash)) issues.add(path, 'X-Experience-API-Hash must be a hex SHA-2 hash');
    const encoding = part.headers['content-transfer-encoding'];
    if (encoding?.toLowerCase() !== 'binary') {
      issues.add(path, 'every part after the first needs Content-Transfer-Encoding: binary');
    }
    if (hash && isSha2Hex(hash)) {
      const contentType = part.headers['content-type'];
      parts.push({ sha2: hash.toLowerCase(), content: part.body, ...(contentType ? { contentType } : {}) });
    }
  });
  return issues.ok ? { ok: true, statements, parts } : { ok: false, errors: issues.list };
}
