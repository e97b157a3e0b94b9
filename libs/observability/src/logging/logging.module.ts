import { randomUUID } from 'node:crypto';
import { Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import pino from 'pino';
import { appConfig, type AppConfig } from '@hub/config';

/** Header names and body fields whose values never reach a log line. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-alm-signature"]',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  '*.password',
  '*.secret',
  '*.clientSecret',
  '*.client_secret',
  '*.access_token',
  '*.token',
  '*.key',
];

export const CORRELATION_HEADER = 'x-correlation-id';

@Module({
  imports: [
    LoggerModule.forRootAsync({
      inject: [appConfig.KEY],
      useFactory: (config: AppConfig) => ({
        // No per-request middleware (a child logger and an AsyncLocalStorage context per request cost the ingress
        // more CPU than its own work): registerRequestLog writes the request line, and error logs name the request.
        forRoutes: [],
        pinoHttp: {
          level: config.logLevel,
          redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
          // Our serializers as they are: pino-http's wrappers would first build a full request object per line.
          wrapSerializers: false,
          // One short line per request: headers stay out (they carry credentials), the query too (it can carry filters on people).
          serializers: {
            req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url?.split('?')[0] }),
            res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
          },
          // Asynchronous writes: a synchronous write per line costs the ingress more than the request itself under
          // load. Lines written while a write is in flight go out together with the next one; none waits for a buffer to fill.
          stream: pino.destination({ sync: false }),
        },
      }),
    }),
  ],
})
export class LoggingModule {}

/** Request ids: the caller's correlation id when it sent a sane one, else a fresh UUID; it travels into the job. */
export function correlationId(header: string | string[] | undefined): string {
  return typeof header === 'string' && /^[\w.-]{1,100}$/.test(header) ? header : randomUUID();
}
