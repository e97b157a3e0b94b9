import { randomUUID } from 'node:crypto';
import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE, problem, type ProblemDetails } from './problem-details.js';
import { ValidationFailedException } from './validation-failed.exception.js';

/** Errors that carry their own wire format (OAuth 2.0, xAPI) implement this and are sent as they are. */
export interface OwnFormatError {
  toResponse(): { status: number; headers?: Record<string, string>; body: unknown; contentType?: string };
}

function isOwnFormat(err: unknown): err is OwnFormatError {
  return typeof (err as OwnFormatError | null)?.toResponse === 'function';
}

/** Fastify's own errors (bad JSON, body too large, wrong content type) carry a statusCode and a code. */
function fastifyStatus(err: unknown): number | undefined {
  const e = err as { statusCode?: unknown; code?: unknown } | null;
  return typeof e?.statusCode === 'number' && typeof e.code === 'string' && e.code.startsWith('FST_') ? e.statusCode : undefined;
}

/** Every 4xx/5xx as application/problem+json (RFC 9457); unknown errors become a generic 500 with an error id. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Problem');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const reply = http.getResponse<FastifyReply>();
    const request = http.getRequest<FastifyRequest>();
    if (isOwnFormat(exception)) {
      const { status, headers, body, contentType } = exception.toResponse();
      reply.status(status).headers(headers ?? {}).type(contentType ?? 'application/json').send(body);
      return;
    }
    const body = this.toProblem(exception, request);
    // Every 503 tells the sender when to come back; the pipeline's own error may ask for a specific delay.
    const retryAfter = (exception as { retryAfterSeconds?: number }).retryAfterSeconds ?? (body.status === 503 ? 1 : undefined);
    if (retryAfter !== undefined) reply.header('Retry-After', String(retryAfter));
    if (body.status === 401 && request.url.startsWith('/api/')) reply.header('WWW-Authenticate', 'Bearer realm="learning-hub"');
    reply.status(body.status).type(PROBLEM_CONTENT_TYPE).send(body);
  }

  private toProblem(exception: unknown, request: FastifyRequest): ProblemDetails {
    if (exception instanceof ValidationFailedException) {
      return problem(400, exception.message, { errors: exception.fieldErrors });
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : (response as { message?: unknown }).message;
      const detail = Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
      if (status >= 500) this.logger.warn({ req: request, status, err: exception.message }, 'server error');
      return problem(status, detail);
    }
    const fastify = fastifyStatus(exception);
    if (fastify !== undefined && fastify < 500) return problem(fastify, (exception as Error).message);
    const errorId = randomUUID();
    this.logger.error({ errorId, req: request, err: exception }, 'unhandled error');
    return problem(HttpStatus.INTERNAL_SERVER_ERROR, 'An unexpected error occurred; quote the errorId to an operator.', { errorId });
  }
}
