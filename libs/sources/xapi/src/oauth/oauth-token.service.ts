import { Injectable } from '@nestjs/common';
import { XapiCredentialsService } from '../auth/xapi-credentials.service.js';
import { OAuthError } from './oauth-error.js';
import type { TokenResponseDto } from './oauth-token.dto.js';
import { parseTokenRequest, type TokenRequestInput } from './token-request.parser.js';

/** POST /igs/oauth/accesstoken: the client-credentials grant (RFC 6749 section 4.4). */
@Injectable()
export class OAuthTokenService {
  constructor(private readonly credentials: XapiCredentialsService) {}

  async issue(input: TokenRequestInput, address: string): Promise<TokenResponseDto> {
    const parsed = parseTokenRequest(input);
    if (!parsed.ok) {
      throw parsed.error === 'invalid_client' ? OAuthError.invalidClient(parsed.description) : new OAuthError(parsed.error, parsed.description);
    }
    const { clientId, clientSecret } = parsed.request;
    const result = await this.credentials.authenticateClient(clientId, clientSecret, address);
    if (!result.ok && result.reason === 'rate-limited') {
      throw new OAuthError('invalid_client', `too many failed attempts; retry after ${result.retryAfterSeconds} s`, 429, {
        'Retry-After': String(result.retryAfterSeconds),
      });
    }
    if (!result.ok) throw OAuthError.invalidClient('client authentication failed');
    const token = await this.credentials.issueToken(result.principal);
    return { access_token: token.accessToken, token_type: 'bearer', expires_in: token.expiresIn };
  }
}
