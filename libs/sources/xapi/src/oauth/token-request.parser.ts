import { mediaTypeEssence } from '../statements/formats/identifier.format.js';

export const CLIENT_CREDENTIALS_GRANT = 'client_credentials';

export interface TokenRequestInput {
  contentType?: string;
  /** The raw body bytes (form or JSON). */
  rawBody?: Buffer | string;
  authorization?: string;
}

export interface TokenRequest {
  clientId: string;
  clientSecret: string;
  /** How the client authenticated (RFC 6749 section 2.3.1). */
  via: 'basic' | 'body';
  scope?: string;
}

export type TokenRequestParse =
  | { ok: true; request: TokenRequest }
  | { ok: false; error: 'invalid_request' | 'invalid_client' | 'unsupported_grant_type'; description: string };

const PARAMS = ['grant_type', 'client_id', 'client_secret', 'scope'] as const;

/**
 * Reads a client-credentials token request (RFC 6749 section 4.4.2). The body is form-encoded or JSON; the imc seed's
 * JSON example also sends `Content-Type: application/x-www-form-urlencoded` (its curl repeats the header and the first
 * one wins), so a form-typed body that is a JSON object is read as JSON. Client authentication comes from HTTP Basic or
 * from the body, never both (section 2.3).
 */
export function parseTokenRequest(input: TokenRequestInput): TokenRequestParse {
  const params = readParams(input);
  if ('error' in params) return params;
  const basic = input.authorization === undefined ? undefined : readBasic(input.authorization);
  if (basic && 'error' in basic) return basic;

  const grantType = params.values.get('grant_type');
  if (grantType === undefined || grantType === '') return invalid('invalid_request', 'grant_type is required');
  if (grantType !== CLIENT_CREDENTIALS_GRANT) {
    return invalid('unsupported_grant_type', `grant_type "${grantType.slice(0, 50)}" is not supported; use client_credentials`);
  }
  const scope = params.values.get('scope');
  const bodyId = params.values.get('client_id');
  const bodySecret = params.values.get('client_secret');
  if (basic) {
    if (bodySecret !== undefined) return invalid('invalid_request', 'use either HTTP Basic or client_secret in the body, not both');
    if (bodyId !== undefined && bodyId !== basic.clientId) return invalid('invalid_request', 'client_id differs from the HTTP Basic user');
    return ok({ clientId: basic.clientId, clientSecret: basic.clientSecret, via: 'basic', scope });
  }
  if (!bodyId || !bodySecret) return invalid('invalid_client', 'client authentication is required: client_id and client_secret, or HTTP Basic');
  return ok({ clientId: bodyId, clientSecret: bodySecret, via: 'body', scope });
}

type Params = { values: Map<string, string> } | { ok: false; error: 'invalid_request'; description: string };

function readParams(input: TokenRequestInput): Params {
  const raw = input.rawBody === undefined ? '' : typeof input.rawBody === 'string' ? input.rawBody : input.rawBody.toString('utf8');
  const type = input.contentType === undefined ? undefined : mediaTypeEssence(input.contentType);
  if (raw.trim() === '') return { values: new Map() };
  if (type === 'application/json' || (type === 'application/x-www-form-urlencoded' && raw.trimStart().startsWith('{'))) {
    return readJson(raw);
  }
  if (type === 'application/x-www-form-urlencoded') return readForm(raw);
  return invalid('invalid_request', 'send the token request as application/x-www-form-urlencoded or application/json');
}

function readJson(raw: string): Params {
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    return invalid('invalid_request', 'the body is not valid JSON');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return invalid('invalid_request', 'the body must be a JSON object');
  const values = new Map<string, string>();
  for (const name of PARAMS) {
    const value = (body as Record<string, unknown>)[name];
    if (value === undefined) continue;
    if (typeof value !== 'string') return invalid('invalid_request', `${name} must be a string`);
    values.set(name, value);
  }
  return { values };
}

function readForm(raw: string): Params {
  const values = new Map<string, string>();
  for (const [name, value] of new URLSearchParams(raw)) {
    // Section 3.2: parameters must not be included more than once.
    if (values.has(name)) return invalid('invalid_request', `${name} is given more than once`);
    if ((PARAMS as readonly string[]).includes(name)) values.set(name, value);
  }
  return { values };
}

/** Basic credentials are form-encoded before base64 (section 2.3.1), so `+` and `%xx` are decoded. */
function readBasic(header: string): { clientId: string; clientSecret: string } | { ok: false; error: 'invalid_client'; description: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!/^Basic(\s|$)/i.test(header)) return undefined;
  const decoded = match ? Buffer.from(match[1] as string, 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  if (colon <= 0) return invalid('invalid_client', 'the HTTP Basic credentials are malformed');
  try {
    return { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)) };
  } catch {
    return invalid('invalid_client', 'the HTTP Basic credentials are malformed');
  }
}

function formDecode(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, ' '));
}

function ok(request: TokenRequest): TokenRequestParse {
  return { ok: true, request: request.scope === undefined ? { clientId: request.clientId, clientSecret: request.clientSecret, via: request.via } : request };
}

function invalid<E extends 'invalid_request' | 'invalid_client' | 'unsupported_grant_type'>(error: E, description: string): { ok: false; error: E; description: string } {
  return { ok: false, error, description };
}
