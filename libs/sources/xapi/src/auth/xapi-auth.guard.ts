import { Injectable, SetMetadata, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { parseVersionHeader } from '../http/version-header.parser.js';
import { XapiError } from '../lrs/http/xapi-error.js';
import { resolveXapiRequest, type HttpRequest, type XapiMethod } from '../lrs/http/xapi-request.js';
import { XAPI_BASIC_STRATEGY } from './xapi-basic.strategy.js';
import { XAPI_BEARER_STRATEGY } from './xapi-bearer.strategy.js';
import type { XapiPrincipal } from './xapi-principal.js';

const RESOURCE_METHODS = 'xapi:methods';

/** The methods an xAPI resource has (HEAD comes with GET); any other, even through the alternate syntax, is a 405. */
export const XapiResource = (...methods: XapiMethod[]) => SetMetadata(RESOURCE_METHODS, methods);

/**
 * Every xAPI resource but /about: unwraps the Alternate Request Syntax first (its form may carry Authorization and
 * X-Experience-API-Version), refuses methods the resource does not have (405), requires a 1.0.x
 * X-Experience-API-Version (400) and then authenticates with a Bearer token or HTTP Basic (401). The resolved request
 * is `request.xapi`.
 */
@Injectable()
export class XapiAuthGuard extends AuthGuard([XAPI_BEARER_STRATEGY, XAPI_BASIC_STRATEGY]) {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const resolved = resolveXapiRequest(request);
    const allowed = this.reflector.getAllAndOverride<XapiMethod[] | undefined>(RESOURCE_METHODS, [context.getHandler(), context.getClass()]) ?? [];
    const method = resolved.method === 'HEAD' ? 'GET' : resolved.method;
    if (!allowed.includes(method)) throw XapiError.methodNotAllowed(resolved.method, allowed.includes('GET') ? [...allowed, 'HEAD'] : allowed);

    // Communication 3.3.s3.b7: a request without a 1.0.x version is a 400 whatever its credentials (the ADL suite sends
    // such requests without any); the version says nothing about the caller, so checking it first reveals nothing.
    const version = parseVersionHeader(resolved.headers['x-experience-api-version']);
    if (!version.ok) throw XapiError.badRequest('X-Experience-API-Version is missing or not supported', version.errors);

    // Passport reads the Authorization header; in the alternate syntax it may have come as a form parameter.
    if (resolved.alternate) {
      if (resolved.headers.authorization === undefined) delete request.headers.authorization;
      else request.headers.authorization = resolved.headers.authorization;
    }
    await super.canActivate(context);
    request.xapi = { ...resolved, principal: request.user as XapiPrincipal };
    return true;
  }

  override handleRequest<T>(err: unknown, user: T): T {
    if (err instanceof XapiError) throw err;
    if (err || !user) throw XapiError.unauthorized();
    return user;
  }
}
