import type { FastifyReply } from 'fastify';

/** What a resource answers; sent byte for byte, so JSON goes out as exactly `application/json` (Communication 2.1.3). */
export interface XapiResponse {
  status: number;
  headers?: Record<string, string>;
  contentType?: string;
  body?: Buffer | string;
}

export const JSON_TYPE = 'application/json';

export function jsonResponse(value: unknown, status = 200, headers?: Record<string, string>): XapiResponse {
  return { status, contentType: JSON_TYPE, body: JSON.stringify(value), ...(headers ? { headers } : {}) };
}

export function noContent(headers?: Record<string, string>): XapiResponse {
  return { status: 204, ...(headers ? { headers } : {}) };
}

export function sendXapi(reply: FastifyReply, response: XapiResponse): FastifyReply {
  reply.status(response.status);
  if (response.headers) reply.headers(response.headers);
  if (response.contentType) reply.header('content-type', response.contentType);
  // A Buffer goes out as is; Fastify would append "; charset=utf-8" to a JSON string's type (the suite wants it bare).
  return reply.send(typeof response.body === 'string' ? Buffer.from(response.body, 'utf8') : response.body);
}
