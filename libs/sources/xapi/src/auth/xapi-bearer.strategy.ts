import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { Strategy } from 'passport-http-bearer';
import { XapiCredentialsService } from './xapi-credentials.service.js';
import type { XapiPrincipal } from './xapi-principal.js';

export const XAPI_BEARER_STRATEGY = 'xapi-bearer';

/** Access tokens from POST /igs/oauth/accesstoken; separate from the hub's API-key strategy. */
@Injectable()
export class XapiBearerStrategy extends PassportStrategy(Strategy, XAPI_BEARER_STRATEGY) {
  constructor(private readonly credentials: XapiCredentialsService) {
    super();
  }

  async validate(token: string): Promise<XapiPrincipal | false> {
    return (await this.credentials.verifyToken(token)) ?? false;
  }
}
