import type { Validated } from '../statements/validation/validation-issues.js';

/** One body part of a multipart message: lower-cased header names and the raw bytes. */
export interface MultipartPart {
  headers: Record<string, string>;
  body: Buffer;
}

const CR = 0x0d;
const LF = 0x0a;

/**
 * The boundary of a `multipart/mixed` Content-Type header, or undefined when the type is not multipart/mixed or the
 * boundary is missing (Communication 1.5.2.s2.b2, RFC 2046 section 5.1.1).
 */
export function multipartBoundary(contentType: string | undefined): string | undefined {
  if (!contentType || !/^\s*multipart\/mixed\s*(?:;|$)/i.test(contentType)) return undefined;
  const match = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  return boundary && boundary.length <= 200 ? boundary : undefined;
}

/**
 * Splits a `multipart/mixed` body (RFC 2046 section 5.1) into parts. Line breaks may be CRLF, as the RFC says, or a
 * bare LF, as some clients (and the ADL conformance suite's fixtures) send; the line break before a delimiter belongs
 * to the delimiter. Preamble and epilogue are ignored; a missing closing delimiter or a header line without a colon
 * makes the body malformed.
 */
export function parseMultipartMixed(body: Buffer, contentType: string | undefined): Validated<{ parts: MultipartPart[] }> {
  const boundary = multipartBoundary(contentType);
  if (!boundary) return fail('Content-Type', 'must be multipart/mixed with a boundary parameter');
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');

  let position = findDelimiter(body, delimiter, 0, true);
  if (position < 0) return fail('body', `does not contain the boundary "${boundary}"`);
  const parts: MultipartPart[] = [];
  for (;;) {
    let cursor = position + delimiter.length;
    if (body[cursor] === 0x2d && body[cursor + 1] === 0x2d) return { ok: true, parts };
    while (body[cursor] === 0x20 || body[cursor] === 0x09) cursor += 1; // transport padding
    if (body[cursor] === CR) cursor += 1;
    if (body[cursor] !== LF) return fail(`parts[${parts.length}]`, 'boundary line is not followed by a line break');
    const start = cursor + 1;
    const next = findDelimiter(body, delimiter, start, false);
    if (next < 0) return fail('body', 'has no closing boundary');
    // `next` is the LF that starts the delimiter line; a CR before it is part of the line break too.
    const end = next > start && body[next - 1] === CR ? next - 1 : next;
    const part = parsePart(body.subarray(start, Math.max(start, end)), parts.length);
    if (!part.ok) return part;
    parts.push(part.part);
    position = next + 1;
  }
}

/**
 * Index of the next delimiter that starts a line and is followed by "--", padding or a line break. For the first
 * delimiter the index of the delimiter itself (it may open the body); afterwards the index of the LF before it.
 */
function findDelimiter(body: Buffer, delimiter: Buffer, from: number, first: boolean): number {
  let index = body.indexOf(delimiter, from);
  while (index >= 0) {
    const after = body[index + delimiter.length];
    const endsWell = after === undefined || after === 0x2d || after === 0x20 || after === 0x09 || after === CR || after === LF;
    if (endsWell && first && index === 0) return 0;
    if (endsWell && index > 0 && body[index - 1] === LF) return first ? index : index - 1;
    index = body.indexOf(delimiter, index + 1);
  }
  return -1;
}

function parsePart(raw: Buffer, index: number): { ok: true; part: MultipartPart } | { ok: false; errors: { path: string; message: string }[] } {
  const headers: Record<string, string> = {};
  let cursor = 0;
  let last: string | undefined;
  for (;;) {
    // RFC 2046 makes the blank line and body optional, so headers may run to the end of the part.
    const lineEnd = raw.indexOf(LF, cursor);
    const stop = lineEnd < 0 ? raw.length : lineEnd;
    const line = raw.subarray(cursor, stop > cursor && raw[stop - 1] === CR ? stop - 1 : stop).toString('latin1');
    cursor = lineEnd < 0 ? raw.length : lineEnd + 1;
    if (line === '') break;
    if ((line.startsWith(' ') || line.startsWith('\t')) && last) {
      headers[last] = `${headers[last]} ${line.trim()}`; // folded header line
    } else {
      const colon = line.indexOf(':');
      if (colon <= 0) return fail(`parts[${index}]`, `malformed header line "${line.slice(0, 80)}"`);
      last = line.slice(0, colon).trim().toLowerCase();
      headers[last] = line.slice(colon + 1).trim();
    }
    if (lineEnd < 0) break;
  }
  return { ok: true, part: { headers, body: raw.subarray(cursor) } };
}

function fail(path: string, message: string): { ok: false; errors: { path: string; message: string }[] } {
  return { ok: false, errors: [{ path, message }] };
}
