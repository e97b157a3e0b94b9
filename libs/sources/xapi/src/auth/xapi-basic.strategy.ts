import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { XapiError } from '../lrs/http/xapi-error.js';
import { BasicCredentialsStrategy } from './basic-credentials.strategy.js';
import { XapiCredentialsService } from './xapi-credentials.service.js';
import type { XapiPrincipal } from './xapi-principal.js';

export const XAPI_BASIC_STRATEGY = 'xapi-basic';

/** HTTP Basic with the client id and secret, the way LRS clients usually talk (Communication 4.0). */
@Injectable()
export class XapiBasicStrategy extends PassportStrategy(BasicCredentialsStrategy, XAPI_BASIC_STRATEGY) {
  constructor(private readonly credentials: XapiCredentialsService) {
    super();
  }

  async validate(request: { ip: string }, clientId: string, secret: string): Promise<XapiPrincipal | false> {
    const result = await this.credentials.authenticateClient(clientId, secret, request.ip);
    if (result.ok) return result.principal;
    if (result.reason === 'rate-limited') {
      throw new XapiError(429, `Too many failed authentications; retry after ${result.retryAfterSeconds} s`, [], {
        'Retry-After': String(result.retryAfterSeconds),
      });
    }
    return false;
  }
}
