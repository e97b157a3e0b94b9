import { randomUUID } from 'node:crypto';
import { api, asAdmin, createProgram } from '../support/hub.js';

/** Routes anyone may call: health, metrics (METRICS_AUTH=none), the API docs, the OAuth token endpoint, xAPI about. */
const PUBLIC = [/^\/health\//, /^\/metrics$/, /^\/docs/, /^\/igs\/oauth\/accesstoken$/, /^\/xAPI\/about$/];

interface Operation {
  method: string;
  path: string;
}

describe('every route of the OpenAPI document', () => {
  let operations: Operation[];
  let webhookId: string;

  beforeAll(async () => {
    const doc = (await api().get('/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    operations = Object.entries(doc.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => ['get', 'post', 'put', 'patch', 'delete', 'head'].includes(m))
        .map((method) => ({ method, path })),
    );
    // A real webhook with a signing secret, so its delivery route is reached and must refuse an unsigned request.
    const programId = await createProgram();
    const created = await api().post('/admin/alm/webhooks').set(asAdmin()).send({ name: 'security', programId, auth: { type: 'signature', secret: randomUUID() } }).expect(201);
    webhookId = created.body.id;
  });

  it('lists the routes of every part of the hub', () => {
    const paths = operations.map((o) => o.path);
    for (const expected of ['/api/v1/events', '/admin/programs', '/webhooks/alm/{webhookId}', '/xAPI/statements', '/igs/oauth/accesstoken']) {
      expect(paths).toContain(expected);
    }
  });

  it('refuses each non-public route without credentials (401), and serves each public one', async () => {
    const refused: string[] = [];
    for (const { method, path } of operations) {
      const url = path.replace('{webhookId}', webhookId).replace(/\{[^}]+\}/g, () => randomUUID());
      // A valid xAPI version, so the xAPI resources get as far as the credentials (without one they answer 400 first).
      const request = (api() as unknown as Record<string, (u: string) => import('supertest').Test>)[method === 'delete' ? 'delete' : method](url).set('X-Experience-API-Version', '1.0.3');
      const res = await (['post', 'put', 'patch'].includes(method) ? request.set('Content-Type', 'application/json').send('{}') : request);
      if (PUBLIC.some((p) => p.test(path))) {
        expect([200, 204, 400, 405]).toContain(res.status);
        continue;
      }
      if (res.status !== 401) refused.push(`${method.toUpperCase()} ${path} answered ${res.status}`);
    }
    expect(refused).toEqual([]);
  });
});
