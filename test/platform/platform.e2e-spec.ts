import { pendingSchemaChanges } from '../../apps/hub/src/data-source.js';
import { api, hub } from '../support/hub.js';

describe('platform', () => {
  it('reports liveness and readiness without authentication', async () => {
    await api().get('/health/live').expect(200);
    const ready = await api().get('/health/ready').expect(200);
    expect(ready.body.info).toMatchObject({ postgres: { status: 'up' }, redis: { status: 'up' } });
  });

  it('serves Swagger UI and the OpenAPI document', async () => {
    await api().get('/docs').expect(200);
    const doc = await api().get('/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/events', '/api/v1/events/{eventId}', '/admin/programs', '/admin/api-keys']));
  });

  it('serves Prometheus metrics with per-source counters', async () => {
    const res = await api().get('/metrics').expect(200);
    expect(res.text).toContain('hub_events_accepted_total');
    expect(res.text).toContain('hub_accept_duration_seconds');
  });

  it('has migrations that match the entities (migration:generate would write nothing)', async () => {
    expect(await pendingSchemaChanges(hub().databaseUrl)).toEqual([]);
  });

  it('answers unknown routes with problem+json', async () => {
    const res = await api().get('/nope').expect(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
