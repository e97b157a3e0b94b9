import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { XapiPrincipal } from '../../auth/xapi-principal.js';
import { parseAlternateRequest, type AlternateMethod } from '../../http/alternate-request.parser.js';
import type { QueryInput } from '../../http/statement-query.parser.js';
import { mediaTypeEssence } from '../../statements/formats/identifier.format.js';
import { XapiBody } from './xapi-body.js';
import { XapiError } from './xapi-error.js';

export type XapiMethod = AlternateMethod;

/**
 * The request an xAPI resource handles: after the Alternate Request Syntax is unwrapped (Communication 1.3) the
 * method, headers, parameters and body may differ from the HTTP request's, so handlers read only this.
 */
export interface XapiRequest {
  method: XapiMethod;
  /** True when the request came in the Alternate Request Syntax. */
  alternate: boolean;
  /** Lower-cased names. */
  headers: Record<string, string | undefined>;
  query: QueryInput;
  body: XapiBody;
  contentType?: string;
  principal: XapiPrincipal;
  address: string;
  correlationId: string;
}

export type HttpRequest = FastifyRequest & { rawBody?: Buffer; xapi?: XapiRequest; user?: unknown };

/** Unwraps the alternate syntax, if used, into the request it stands for. Runs before authentication. */
export function resolveXapiRequest(request: HttpRequest): Omit<XapiRequest, 'principal'> {
  const query = (request.query ?? {}) as QueryInput;
  const headers = request.headers as Record<string, string | undefined>;
  const contentType = headers['content-type'];
  const isForm = contentType !== undefined && mediaTypeEssence(contentType) === 'application/x-www-form-urlencoded';
  const alternate = parseAlternateRequest({
    httpMethod: request.method,
    query,
    headers,
    body: isForm ? (request.rawBody ?? (request.body as Record<string, unknown> | undefined)) : (request.body as Buffer | string | undefined),
  });
  if (!alternate.ok) throw XapiError.badRequest('The Alternate Request Syntax is used incorrectly (Communication 1.3)', alternate.errors);
  const address = request.ip;
  const correlationId = String(request.id);
  if (!alternate.alternate) {
    const isJson = contentType !== undefined && mediaTypeEssence(contentType) === 'application/json';
    return {
      address,
      correlationId,
      method: request.method.toUpperCase() as XapiMethod,
      alternate: false,
      headers,
      query,
      body: XapiBody.fromHttp(request.body, request.rawBody, isJson),
      contentType,
    };
  }
  const { method, headers: effective, query: params, body } = alternate.request;
  return { address, correlationId, method, alternate: true, headers: effective, query: params, body: XapiBody.fromText(body), contentType: effective['content-type'] };
}

/** The resolved xAPI request of a guarded route (see XapiAuthGuard). */
export const Xapi = createParamDecorator((_: unknown, ctx: ExecutionContext): XapiRequest => {
  const request = ctx.switchToHttp().getRequest<HttpRequest>();
  if (!request.xapi) throw new Error('XapiAuthGuard did not run for this route');
  return request.xapi;
});
