/**
 * The presented API key, read where passport-http-bearer read it (this guard used it until its per-request
 * machinery showed in the accept profile): `Authorization: Bearer <key>`, an `access_token` body field or query
 * parameter. Exactly one of them; a malformed Authorization header or two of them is no key at all.
 */
export function bearerToken(request: { headers: Record<string, string | string[] | undefined>; body?: unknown; query?: unknown }): string | undefined {
  let token: string | undefined;
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string' && authorization !== '') {
    const parts = authorization.split(' ');
    if (parts.length !== 2) return undefined;
    if (/^Bearer$/i.test(parts[0])) token = parts[1];
  }
  for (const source of [request.body, request.query]) {
    const value = (source as { access_token?: unknown } | null | undefined)?.access_token;
    if (!value) continue;
    if (token) return undefined;
    token = value as string;
  }
  return token || undefined;
}
