import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { registerAdminHttp } from '@hub/admin';
import { CORRELATION_HEADER, correlationId, flattenValidationErrors, ProblemDetailsFilter, registerBodyParsers, registerRequestLog, rejectNulInUrl, ValidationFailedException } from '@hub/observability';
import { ApiModule } from './api.module.js';
import { buildOpenApiDocument } from './openapi.js';

export interface ApiAppOptions {
  bodyLimitBytes: number;
  /** Build the module graph without connecting to anything (to write openapi.json). */
  preview?: boolean;
}

export async function createApiApp(options: ApiAppOptions): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: options.bodyLimitBytes,
    trustProxy: true,
    requestIdHeader: false,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => correlationId(req.headers[CORRELATION_HEADER]),
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule, adapter, {
    bufferLogs: true,
    // Raw bytes of JSON and form bodies: xAPI documents are stored as sent, and the token endpoint reads the seed's JSON-in-a-form body.
    rawBody: true,
    preview: options.preview,
    abortOnError: !options.preview,
  });
  if (!options.preview) {
    app.useLogger(app.get(Logger));
    registerRequestLog(app);
  }
  if (!options.preview) await registerAdminHttp(app);
  // Strict JSON everywhere, except routes marked @RawBodyRoute() (webhooks that verify and parse the exact bytes).
  registerBodyParsers(app, { bodyLimitBytes: options.bodyLimitBytes });
  rejectNulInUrl(app);
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => new ValidationFailedException(flattenValidationErrors(errors)),
    }),
  );
  app.useGlobalFilters(new ProblemDetailsFilter());
  app.enableShutdownHooks();
  if (!options.preview) {
    SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
  }
  return app;
}
