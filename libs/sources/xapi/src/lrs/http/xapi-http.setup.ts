import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { acceptAnyContentTypeUnder } from '@hub/observability';
import { XAPI_VERSION } from '../../xapi.constants.js';
import { OAUTH_CONTENT_TYPE, NO_STORE_HEADERS, oauthErrorForStatus } from '../../oauth/oauth-error.js';
import { xapiErrorBody } from './xapi-error.js';

export const XAPI_PATH = '/xAPI';
const STATEMENTS_PATH = '/xAPI/statements';
const OAUTH_PATH = '/igs/oauth/';

/**
 * The HTTP plumbing the xAPI routes need from Fastify, kept here rather than in the app:
 * - any content type is accepted as raw bytes under /xAPI (documents may be anything; attachments are
 *   multipart/mixed); elsewhere an unknown type stays a 415, as before;
 * - every /xAPI response carries X-Experience-API-Version (Communication 3.3), every /xAPI/statements response
 *   X-Experience-API-Consistent-Through (Communication 2.1.3.s2.b5, "regardless of the code returned");
 * - errors raised before a handler runs (malformed JSON, body too large, unknown route) are problem+json from the
 *   global filter; under /xAPI and /igs/oauth they are rewritten into the xAPI and OAuth (RFC 6749 section 5.2) shapes.
 */
@Injectable()
export class XapiHttpSetup implements OnModuleInit {
  constructor(private readonly adapterHost: HttpAdapterHost) {}

  onModuleInit(): void {
    const fastify = this.adapterHost.httpAdapter?.getInstance<FastifyInstance>();
    if (!fastify?.addContentTypeParser) return; // not the Fastify adapter (e.g. the preview used to write openapi.json)
    // Through the app's one catch-all parser: a second '*' parser would silently replace it (and the ALM webhook's raw bodies).
    acceptAnyContentTypeUnder(XAPI_PATH);
    fastify.addHook('onSend', (request, reply, payload, done) => {
      if (request.url.startsWith(XAPI_PATH)) done(null, xapiHeaders(request, reply, payload));
      else if (request.url.startsWith(OAUTH_PATH)) done(null, oauthShape(reply, payload));
      else done(null, payload);
    });
  }
}

function xapiHeaders(request: FastifyRequest, reply: FastifyReply, payload: unknown): unknown {
  reply.header('X-Experience-API-Version', XAPI_VERSION);
  if (request.url === STATEMENTS_PATH || request.url.startsWith(`${STATEMENTS_PATH}?`)) {
    // Statements are committed before their POST is answered; best effort for writes still in flight (docs/xapi.md).
    reply.header('X-Experience-API-Consistent-Through', new Date().toISOString());
  }
  const problem = readProblem(reply, payload);
  if (!problem) return payload;
  reply.header('content-type', 'application/json');
  return JSON.stringify(xapiErrorBody(problem.status, problem.detail));
}

function oauthShape(reply: FastifyReply, payload: unknown): unknown {
  const problem = readProblem(reply, payload);
  if (!problem) return payload;
  reply.headers(NO_STORE_HEADERS).header('content-type', OAUTH_CONTENT_TYPE);
  return JSON.stringify({ error: oauthErrorForStatus(problem.status), error_description: problem.detail });
}

function readProblem(reply: FastifyReply, payload: unknown): { status: number; detail: string } | undefined {
  const type = reply.getHeader('content-type');
  if (typeof type !== 'string' || !type.startsWith('application/problem+json') || typeof payload !== 'string') return undefined;
  try {
    const problem = JSON.parse(payload) as { status?: number; detail?: string };
    return { status: problem.status ?? reply.statusCode, detail: problem.detail ?? 'The request failed' };
  } catch {
    return undefined;
  }
}
