import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { PROBLEM_CONTENT_TYPE, problem } from '../problems/problem-details.js';

/**
 * A NUL character is never part of a legitimate path or query parameter, and PostgreSQL text cannot hold one:
 * refuse such URLs at the door (400 problem+json) rather than let every route's query fail on it.
 */
export function rejectNulInUrl(app: NestFastifyApplication): void {
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      if (!/%00|\u0000/i.test(request.url)) return done();
      const body = problem(400, 'The URL must not contain NUL (%00) characters', { errors: [{ field: 'url', message: 'must not contain NUL (%00)' }] });
      reply.code(400).type(PROBLEM_CONTENT_TYPE).send(body);
    });
}
