import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ADMIN_SECURITY, ADMIN_SESSION_COOKIE, ADMIN_SESSION_SECURITY, API_KEY_SECURITY } from '@hub/access';

/** The OpenAPI document of every route; the committed openapi.json is this, and a test fails when they drift. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Learning Hub')
    .setDescription(
      'Collects learning events from Adobe Learning Manager, the imc Learning Suite, imc xAPI partners and programs posting ' +
        'Learning Hub events; stores them once in a canonical event store; serves the feed and each learner’s current state. ' +
        'Errors are application/problem+json (RFC 9457).',
    )
    .setVersion('1')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key created at POST /admin/api-keys' }, API_KEY_SECURITY)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'HUB_ADMIN_TOKEN' }, ADMIN_SECURITY)
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An xAPI access token from POST /igs/oauth/accesstoken' }, 'xapi-token')
    .addBasicAuth({ type: 'http', scheme: 'basic', description: 'xAPI client id and secret' }, 'xapi-basic')
    .addCookieAuth(ADMIN_SESSION_COOKIE, { type: 'apiKey', in: 'cookie', description: 'The dashboard session (POST /admin/session); state changes also need X-CSRF-Token' }, ADMIN_SESSION_SECURITY)
    .build();
  return SwaggerModule.createDocument(app, config, { operationIdFactory: (controller, method) => `${controller.replace(/Controller$/, '')}_${method}` });
}

/** The document as committed: built without connecting to anything (Nest preview mode). */
export async function generateOpenApiJson(): Promise<string> {
  const { createApiApp } = await import('./create-api-app.js');
  const app = await createApiApp({ bodyLimitBytes: 1024, preview: true });
  try {
    return `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  } finally {
    await app.close();
  }
}
