import { createHash } from 'node:crypto';
import { mediaTypeEssence } from '../../statements/formats/identifier.format.js';

/** The ETag of a document: SHA-1 of its bytes in hex (Communication 3.1). Sent quoted. */
export function documentEtag(content: Buffer): string {
  return createHash('sha1').update(content).digest('hex');
}

export const quoted = (etag: string) => `"${etag}"`;

/**
 * Evaluates If-Match / If-None-Match against the current document (RFC 2616 sections 14.24 and 14.26, Communication
 * 3.1): true when the request must fail with 412. `*` matches any existing document; weak tags compare by value.
 */
export function preconditionFails(currentEtag: string | undefined, ifMatch: string | undefined, ifNoneMatch: string | undefined): boolean {
  if (ifMatch !== undefined) {
    if (currentEtag === undefined) return true;
    if (!matches(ifMatch, currentEtag)) return true;
  }
  if (ifNoneMatch !== undefined && currentEtag !== undefined && matches(ifNoneMatch, currentEtag)) return true;
  return false;
}

function matches(header: string, etag: string): boolean {
  return header.split(',').some((raw) => {
    const tag = raw.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1');
    return tag === '*' || tag.toLowerCase() === etag.toLowerCase();
  });
}

export const isJsonType = (contentType: string) => mediaTypeEssence(contentType) === 'application/json';

/**
 * The Document Merge of a POST (Communication 2.2.s7-s8): both documents must be JSON objects, and the posted one's
 * top-level properties replace the stored one's. Returns the merged JSON, or why the request is a 400.
 */
export function mergeJsonDocuments(
  stored: { contentType: string; content: Buffer },
  posted: { contentType: string; content: Buffer },
): { ok: true; content: Buffer } | { ok: false; message: string } {
  if (!isJsonType(stored.contentType) || !isJsonType(posted.contentType)) {
    return { ok: false, message: 'POST merges JSON documents only: both the stored and the posted document must be application/json' };
  }
  const before = parseObject(stored.content);
  const update = parseObject(posted.content);
  if (!before) return { ok: false, message: 'the stored document is not a JSON object, so it cannot be merged' };
  if (!update) return { ok: false, message: 'the posted document is not a JSON object' };
  const merged: Record<string, unknown> = {};
  // defineProperty, not assignment: a "__proto__" key stays an ordinary property.
  for (const source of [before, update]) {
    for (const [key, value] of Object.entries(source)) Object.defineProperty(merged, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return { ok: true, content: Buffer.from(JSON.stringify(merged), 'utf8') };
}

export function parseObject(content: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(content.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
