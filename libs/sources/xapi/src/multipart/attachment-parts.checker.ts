import { createHash } from 'node:crypto';
import { SIGNATURE_USAGE_TYPE } from '../xapi.constants.js';
import { verifyStatementSignature } from '../statements/statement-signature.verifier.js';
import type { Attachment, Statement } from '../statements/statement.types.js';
import { Issues, type Validated } from '../statements/validation/validation-issues.js';
import type { AttachmentPart } from './statement-multipart.parser.js';

/** Attachment data to store with its Statement(s), one per distinct sha2. */
export interface AttachmentPayload {
  sha2: string;
  contentType: string;
  content: Buffer;
}

export interface CheckAttachmentPartsOptions {
  /**
   * Also recompute each part's SHA-2 and compare it with its X-Experience-API-Hash. Off by default: the spec matches
   * parts by the declared hash only (Communication 1.5.2.s1.b4), and the ADL conformance suite sends binary fixtures
   * re-encoded as UTF-8, whose bytes no longer hash to the declared value.
   */
  verifyContentHash?: boolean;
}

const DIGESTS: Record<number, string> = { 56: 'sha224', 64: 'sha256', 96: 'sha384', 128: 'sha512' };

/**
 * Matches attachment data to the validated Statements of one request (Communication 1.5.2.s3.b5, Data 2.4.11):
 * every part must belong to an attachment by its hash, every attachment without fileUrl must have a part, and
 * signature attachments that came with data must be well-formed signatures (Data 2.6.s5). For an application/json
 * request pass no parts: then every attachment needs a fileUrl (Communication 1.5.1.s1.b2).
 */
export function checkAttachmentParts(
  statements: readonly Statement[],
  parts: readonly AttachmentPart[],
  options: CheckAttachmentPartsOptions = {},
): Validated<{ attachments: AttachmentPayload[] }> {
  const issues = new Issues();
  const declared = new Map<string, Attachment>();
  statements.forEach((statement, index) => {
    for (const { attachment } of attachmentsOf(statement, index)) declared.set(attachment.sha2.toLowerCase(), attachment);
  });

  const received = new Map<string, AttachmentPart>();
  parts.forEach((part, index) => {
    const path = `parts[${index + 1}]`;
    if (!declared.has(part.sha2)) {
      issues.add(path, 'X-Experience-API-Hash matches the sha2 of no attachment in the Statements');
      return;
    }
    const algorithm = DIGESTS[part.sha2.length];
    if (options.verifyContentHash && algorithm && createHash(algorithm).update(part.content).digest('hex') !== part.sha2) {
      issues.add(path, 'content does not hash to its X-Experience-API-Hash');
    }
    received.set(part.sha2, part);
  });

  statements.forEach((statement, index) => {
    for (const { attachment, path } of attachmentsOf(statement, index)) {
      const part = received.get(attachment.sha2.toLowerCase());
      if (!part && attachment.fileUrl === undefined) {
        issues.add(path, 'has neither a fileUrl nor a multipart part with its sha2 as X-Experience-API-Hash');
      }
      if (part && attachment.usageType === SIGNATURE_USAGE_TYPE) {
        for (const problem of verifyStatementSignature(statement, part.content)) issues.add(path, problem);
      }
    }
  });
  if (!issues.ok) return { ok: false, errors: issues.list };

  const attachments = [...received.values()].map((part) => ({
    sha2: part.sha2,
    contentType: declared.get(part.sha2)?.contentType ?? part.contentType ?? 'application/octet-stream',
    content: part.content,
  }));
  return { ok: true, attachments };
}

/** The attachments of a Statement and of its SubStatement, with their error paths. */
function attachmentsOf(statement: Statement, index: number): { attachment: Attachment; path: string }[] {
  const found = (statement.attachments ?? []).map((attachment, i) => ({ attachment, path: `[${index}].attachments[${i}]` }));
  if (statement.object.objectType === 'SubStatement') {
    (statement.object.attachments ?? []).forEach((attachment, i) =>
      found.push({ attachment, path: `[${index}].object.attachments[${i}]` }),
    );
  }
  return found;
}
