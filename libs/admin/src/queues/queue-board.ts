import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { HttpException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AdminAuthenticator, type AdminRequest } from '@hub/access';
import { problem, PROBLEM_CONTENT_TYPE } from '@hub/observability';
import { IngestQueue } from '@hub/pipeline';

export const QUEUE_BOARD_PATH = '/admin/queues';

/** Bull Board's page asks Google for its fonts; the hub runs offline and its pages ask nobody but the hub. */
const EXTERNAL_FONT_LINK = /<link[^>]+href="https:\/\/fonts\.googleapis\.com[^"]*"[^>]*>/g;

/** Bull Board is a React app with inline styles; it needs nothing from outside the hub. */
const BOARD_CSP = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

function refuse(reply: FastifyReply, status: number, detail: string): FastifyReply {
  return reply.code(status).type(PROBLEM_CONTENT_TYPE).send(problem(status, detail));
}

/**
 * Bull Board (queue internals: jobs, their data, attempts and errors) at /admin/queues, behind the same sign-in as
 * every /admin route. It is mounted on the Fastify instance itself because the hub creates its BullMQ queue
 * directly (@bull-board/nestjs needs @nestjs/bullmq queues). Read-only: removing or cleaning jobs would drop
 * payloads the hub has acknowledged; repairs go through the dead-letter store, which keeps them.
 */
export async function mountQueueBoard(app: NestFastifyApplication): Promise<void> {
  const authenticator = app.get(AdminAuthenticator, { strict: false });
  const queue = app.get(IngestQueue, { strict: false }).queue;
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_BOARD_PATH);
  createBullBoard({
    queues: [new BullMQAdapter(queue as never, { readOnlyMode: true, description: 'Every ingress’s payloads, on their way to the event store' })],
    // @bull-board/fastify 9.10.1 carries its own copy of @bull-board/api's types (9.10.1 beside 9.10.2): same shape.
    serverAdapter: serverAdapter as never,
    options: { uiConfig: { boardTitle: 'Hub queues' } },
  });

  await app.register(
    async (scope: FastifyInstance) => {
      scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
        const adminRequest = request as unknown as AdminRequest;
        const principal = await authenticator.authenticate(adminRequest);
        if (!principal) {
          // A browser is sent to the dashboard, which shows the sign-in form; anything else gets a plain 401.
          if (request.method === 'GET' && (request.headers.accept ?? '').includes('text/html')) return reply.redirect('/admin', 303);
          return refuse(reply, 401, 'The admin token or a dashboard session is required');
        }
        try {
          // Bull Board's own requests carry no CSRF token: the Origin check (with SameSite=Strict) guards its changes.
          authenticator.assertSameOriginChange(adminRequest, principal, false);
        } catch (err) {
          return refuse(reply, (err as HttpException).getStatus?.() ?? 403, (err as Error).message);
        }
      });
      scope.addHook('onSend', async (_request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
        if (typeof payload !== 'string' || !String(reply.getHeader('content-type') ?? '').startsWith('text/html')) return payload;
        reply.header('Content-Security-Policy', BOARD_CSP);
        return payload.replace(EXTERNAL_FONT_LINK, '');
      });
      await scope.register(serverAdapter.registerPlugin() as never);
    },
    { prefix: QUEUE_BOARD_PATH },
  );
}
