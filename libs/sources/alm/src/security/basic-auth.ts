import { constantTimeEqual } from './constant-time-equal.js';
import { singleHeader, type HttpHeaders } from './header-value.js';
import { verifyPassword } from './password-hash.js';

export interface BasicCredentials {
  username: string;
  password: string;
}

/** `Basic base64(user:pass)` → credentials; null when the header is absent or not Basic. */
export function parseBasicAuthorization(value: string | undefined): BasicCredentials | null {
  if (!value) return null;
  const m = /^\s*basic\s+([A-Za-z0-9+/=_-]+)\s*$/i.exec(value);
  if (!m) return null;
  const decoded = Buffer.from(m[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':'); // RFC 7617: the user-id cannot contain a colon, the password can
  if (colon < 0) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

export interface BasicAuthExpectation {
  username: string;
  /** From `hashPassword`. */
  passwordHash: string;
}

/**
 * A delivery's `Authorization: Basic` against one webhook's stored credentials. The username comparison is
 * constant time and the password hash is always computed, so the answer takes as long for a wrong
 * username as for a wrong password.
 */
export async function verifyBasicAuth(headers: HttpHeaders, expected: BasicAuthExpectation): Promise<boolean> {
  const header = singleHeader(headers, 'authorization');
  const credentials = header.found ? parseBasicAuthorization(header.value) : null;
  if (!credentials) return false;
  const userMatches = constantTimeEqual(credentials.username, expected.username);
  const passwordMatches = await verifyPassword(credentials.password, expected.passwordHash);
  return userMatches && passwordMatches;
}
