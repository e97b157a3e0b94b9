/** The error codes of RFC 6749 section 5.2, plus server_error for a store that cannot answer. */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'
  | 'server_error';

export const NO_STORE_HEADERS = { 'Cache-Control': 'no-store', Pragma: 'no-cache' } as const;

export const OAUTH_CONTENT_TYPE = 'application/json;charset=UTF-8';

/**
 * An error of the token endpoint in the shape RFC 6749 section 5.2 prescribes; ProblemDetailsFilter sends it as is
 * (toResponse), never as problem+json.
 */
export class OAuthError extends Error {
  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
    readonly status = 400,
    readonly headers: Record<string, string> = {},
  ) {
    super(description);
    this.name = 'OAuthError';
  }

  static invalidClient(description: string): OAuthError {
    // Section 5.2: 401 with a WWW-Authenticate challenge for the scheme the client may use.
    return new OAuthError('invalid_client', description, 401, { 'WWW-Authenticate': 'Basic realm="learning-hub", charset="UTF-8"' });
  }

  toResponse(): { status: number; headers: Record<string, string>; body: unknown; contentType: string } {
    return {
      status: this.status,
      headers: { ...NO_STORE_HEADERS, ...this.headers },
      body: { error: this.error, error_description: this.description },
      contentType: OAUTH_CONTENT_TYPE,
    };
  }
}

/** The OAuth error a problem+json status stands for, for errors raised before the token handler runs (bad JSON). */
export function oauthErrorForStatus(status: number): OAuthErrorCode {
  if (status === 401) return 'invalid_client';
  return status >= 500 ? 'server_error' : 'invalid_request';
}
