import { mediaTypeEssence } from '../statements/formats/identifier.format.js';
import { Issues, type ValidationError } from '../statements/validation/validation-issues.js';
import type { QueryInput } from './statement-query.parser.js';

export type HeaderInput = Record<string, string | string[] | undefined>;

export interface AlternateRequestInput {
  /** The HTTP method the request really used. */
  httpMethod: string;
  query: QueryInput;
  headers: HeaderInput;
  /** The raw form body, or the form fields when the framework has parsed them already. */
  body: Buffer | string | Record<string, unknown> | undefined;
}

export const ALTERNATE_METHODS = ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'] as const;
export type AlternateMethod = (typeof ALTERNATE_METHODS)[number];

/** The request the alternate syntax stands for, ready for the normal handlers. */
export interface AlternateRequest {
  method: AlternateMethod;
  /** Lower-cased header names: the real headers with the form-carried ones applied. */
  headers: Record<string, string>;
  /** Every form parameter that is neither a header nor `content` (Communication 1.3.s3.b14). */
  query: Record<string, string>;
  /** The `content` form parameter, read as UTF-8 (Communication 1.3.s3.b5). */
  body?: string;
}

export type AlternateRequestParse =
  | { ok: true; alternate: false }
  | { ok: true; alternate: true; request: AlternateRequest }
  | { ok: false; errors: ValidationError[] };

/** Form parameters that stand for headers (Communication 1.3.s3.b6). */
const HEADER_PARAMS = ['authorization', 'x-experience-api-version', 'content-type', 'content-length', 'if-match', 'if-none-match'];

/**
 * Recognises and unwraps the Alternate Request Syntax (Communication 1.3): a POST with `?method=X` and a form body
 * carrying headers, query parameters and the `content`. `alternate: false` means a normal request.
 *
 * Where a header arrives both ways the form wins: the form parameters are the request's headers (Communication
 * 1.3.s3.b7), the real ones only describe the envelope, so a form `X-Experience-API-Version: 0.8` is refused even
 * when the envelope says 1.0.3. A request without a form Content-Type carries JSON content.
 */
export function parseAlternateRequest(input: AlternateRequestInput): AlternateRequestParse {
  if (input.query['method'] === undefined) return { ok: true, alternate: false };
  const issues = new Issues();
  if (input.httpMethod.toUpperCase() !== 'POST') issues.add('method', 'the alternate request syntax must be sent as POST');
  for (const name of Object.keys(input.query)) {
    if (name !== 'method' && input.query[name] !== undefined) {
      issues.add(name, 'the alternate request syntax allows only "method" in the query string; send it as a form field');
    }
  }
  const method = readMethod(input.query['method'], issues);
  const envelopeType = single(input.headers['content-type'] ?? input.headers['Content-Type']);
  if (envelopeType !== undefined && mediaTypeEssence(envelopeType) !== 'application/x-www-form-urlencoded') {
    issues.add('Content-Type', 'the alternate request syntax must be sent as application/x-www-form-urlencoded');
  }
  const form = readForm(input.body, issues);
  if (!issues.ok || !method || !form) return { ok: false, errors: issues.list };

  const headers = lowerCaseHeaders(input.headers);
  delete headers['content-type'];
  delete headers['content-length'];
  const query: Record<string, string> = {};
  let body: string | undefined;
  for (const [name, value] of form) {
    const lower = name.toLowerCase();
    if (name === 'content') body = value;
    else if (!HEADER_PARAMS.includes(lower)) query[name] = value;
    else headers[lower] = value;
  }
  if ((method === 'PUT' || method === 'POST') && body === undefined) {
    return { ok: false, errors: [{ path: 'content', message: `a ${method} in the alternate request syntax needs a "content" form parameter` }] };
  }
  if (body !== undefined) {
    headers['content-type'] ??= 'application/json';
    headers['content-length'] ??= String(Buffer.byteLength(body, 'utf8'));
  }
  return { ok: true, alternate: true, request: { method, headers, query, ...(body !== undefined ? { body } : {}) } };
}

function readMethod(raw: string | string[] | undefined, issues: Issues): AlternateMethod | undefined {
  if (Array.isArray(raw)) {
    issues.add('method', 'must be given once');
    return undefined;
  }
  const value = raw?.toUpperCase();
  if (value && (ALTERNATE_METHODS as readonly string[]).includes(value)) return value as AlternateMethod;
  issues.add('method', `must be one of ${ALTERNATE_METHODS.join(', ')}`);
  return undefined;
}

/** Reads form fields, refusing a field given twice (the request would be ambiguous). */
function readForm(body: AlternateRequestInput['body'], issues: Issues): [string, string][] | undefined {
  const fields: [string, string][] = [];
  if (body === undefined) return fields;
  if (typeof body === 'string' || Buffer.isBuffer(body)) {
    for (const entry of new URLSearchParams(typeof body === 'string' ? body : body.toString('utf8'))) fields.push(entry);
  } else {
    for (const [name, value] of Object.entries(body)) {
      if (typeof value !== 'string') {
        issues.add(name, Array.isArray(value) ? 'form parameter must be given once' : 'form parameter must be text');
        continue;
      }
      fields.push([name, value]);
    }
  }
  const seen = new Set<string>();
  for (const [name] of fields) {
    if (seen.has(name.toLowerCase())) issues.add(name, 'form parameter must be given once');
    seen.add(name.toLowerCase());
  }
  return issues.ok ? fields : undefined;
}

function lowerCaseHeaders(headers: HeaderInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
