/**
 * Request headers as they appear in log lines: values only for headers that never carry a credential. Any
 * other header may (a webhook's signature or static token can be configured under any name, a Basic password
 * travels in `authorization`), so its value is replaced; its name stays, which is what diagnosing needs.
 */
const LOGGABLE_HEADERS = new Set([
  'host', 'user-agent', 'content-type', 'content-length', 'content-encoding', 'transfer-encoding', 'accept',
  'accept-encoding', 'accept-language', 'connection', 'expect', 'x-correlation-id', 'x-request-id', 'x-forwarded-for',
  'x-forwarded-proto', 'x-forwarded-host', 'x-real-ip', 'x-experience-api-version', 'traceparent',
]);

export const REDACTED = '[redacted]';

export function loggableHeaders(headers: Record<string, unknown> | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(headers ?? {})) out[name] = LOGGABLE_HEADERS.has(name.toLowerCase()) ? value : REDACTED;
  return out;
}
