import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { RouteConfig, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { errorCodes, type FastifyRequest, type RawServerDefault } from 'fastify';

/**
 * Request bodies, for every route of the API role.
 *
 * Most routes get Fastify's strict JSON (a malformed body is a 400 problem+json before the route runs; a
 * `__proto__` or `constructor` key is refused). A route marked `@RawBodyRoute()` gets the body as the exact
 * bytes that were sent, whatever the content type, and parses them itself: a webhook must verify an HMAC over
 * those bytes, and ALM's documented payloads are not strict JSON (trailing commas), so the global parser must
 * neither reject nor re-encode them. The body limit is Fastify's, checked on Content-Length before anything is
 * read and again while reading, for both kinds of route.
 *
 * Done with content-type parsers that look at the matched route's config, because Fastify parses the body
 * before any Nest guard, pipe or handler runs.
 */

/** Route config key (Fastify `config`) that selects the raw body. */
export const RAW_BODY_ROUTE = 'rawBody';

/** The route receives `Buffer` bodies for any content type; read them with `@RawBody()`. Extra config is merged in. */
export function RawBodyRoute(extraConfig: Record<string, unknown> = {}): MethodDecorator {
  return RouteConfig({ ...extraConfig, [RAW_BODY_ROUTE]: true });
}

/** The exact request bytes of a `@RawBodyRoute()`; an empty buffer when the request had no body. */
export const RawBody = createParamDecorator((_: unknown, ctx: ExecutionContext): Buffer => {
  const body = ctx.switchToHttp().getRequest<FastifyRequest>().body;
  if (Buffer.isBuffer(body)) return body;
  return typeof body === 'string' ? Buffer.from(body, 'utf8') : Buffer.alloc(0);
});

/** The matched route's Fastify `config` (what `RouteConfig()` set), or an empty one. */
export function routeConfigOf(request: Pick<FastifyRequest, 'routeOptions'>): Record<string, unknown> {
  return (request.routeOptions?.config ?? {}) as unknown as Record<string, unknown>;
}

export function isRawBodyRoute(request: Pick<FastifyRequest, 'routeOptions'>): boolean {
  return routeConfigOf(request)[RAW_BODY_ROUTE] === true;
}

const anyContentTypePrefixes = new Set<string>();

/**
 * Requests whose path starts with `prefix` take any content type (other than JSON and text) as raw bytes, like a
 * `@RawBodyRoute()` (xAPI documents and attachments may be anything). Use this rather than another `'*'` parser:
 * Fastify keeps one catch-all and silently replaces it, which would take raw bodies away from the other routes.
 */
export function acceptAnyContentTypeUnder(prefix: string): void {
  anyContentTypePrefixes.add(prefix);
}

function takesAnyContentType(request: Pick<FastifyRequest, 'routeOptions' | 'url'>): boolean {
  if (isRawBodyRoute(request)) return true;
  for (const prefix of anyContentTypePrefixes) if (request.url.startsWith(prefix)) return true;
  return false;
}

export interface BodyParserOptions {
  bodyLimitBytes: number;
}

/** Registers the parsers described above; call before `app.init()` / `listen()`. */
export function registerBodyParsers(app: NestFastifyApplication, { bodyLimitBytes }: BodyParserOptions): void {
  const fastify = app.getHttpAdapter().getInstance();
  const strictJson = fastify.getDefaultJsonParser('error', 'error');

  // Through Nest, so its own default JSON parser is not registered on top of this one.
  app.useBodyParser<RawServerDefault>('application/json', { bodyLimit: bodyLimitBytes }, (request, body, done) => {
    if (isRawBodyRoute(request)) return done(null, body);
    strictJson(request, body as unknown as string, done); // typed for strings; it reads a Buffer too, as Nest's own parser relies on
  });

  // Fastify's built-in text/plain parser decodes to a string; a raw route needs the bytes.
  fastify.removeContentTypeParser('text/plain');
  fastify.addContentTypeParser('text/plain', { parseAs: 'buffer', bodyLimit: bodyLimitBytes }, (request, body, done) => {
    done(null, isRawBodyRoute(request) ? body : (body as Buffer).toString('utf8'));
  });

  // Any other type, or none: raw routes (and paths under acceptAnyContentTypeUnder) take it; the others keep
  // answering 415 as before. Added on Fastify directly: through Nest a catch-all would stop Nest from registering
  // its form (urlencoded) parser. The only catch-all of the app (see acceptAnyContentTypeUnder).
  fastify.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: bodyLimitBytes }, (request, body, done) => {
    if (takesAnyContentType(request)) return done(null, body);
    done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(String(request.headers['content-type'] ?? '')), undefined);
  });
}
