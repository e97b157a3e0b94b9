import fastifyCookie from '@fastify/cookie';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { mountQueueBoard } from './queues/queue-board.js';

/** Headers every /admin answer carries: never cached, never sniffed, never framed, no referrer leaves the page. */
async function adminSecurityHeaders(request: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (request.url === '/admin' || request.url.startsWith('/admin/') || request.url.startsWith('/admin?')) {
    reply.header('Cache-Control', 'no-store');
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'no-referrer');
  }
  return payload;
}

/**
 * What the admin surface needs from Fastify itself, beyond Nest's routes: cookie parsing (the dashboard session),
 * the security headers, and Bull Board. Call before the app initialises, so the hooks run for every route.
 */
export async function registerAdminHttp(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyCookie as never);
  app.getHttpAdapter().getInstance().addHook('onSend', adminSecurityHeaders);
  await mountQueueBoard(app);
}
