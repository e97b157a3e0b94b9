import { api, asAdmin, hub, publisher } from '../support/hub.js';

/** The global body parsing that the ALM webhook's raw-body route must not loosen for every other route. */
describe('request bodies outside raw-body routes', () => {
  it('stay strict JSON: malformed, trailing commas and prototype keys are 400 problem+json', async () => {
    const p = await publisher();
    for (const body of ['{"PublisherProgramId":', '{"PublisherProgramId": "X",}', '{"__proto__": {"x": 1}}']) {
      const res = await api().post('/api/v1/events').set(p.auth).set('Content-Type', 'application/json').send(body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });

  it('refuse other content types with 415 problem+json', async () => {
    const p = await publisher();
    const xml = await api().post('/api/v1/events').set(p.auth).set('Content-Type', 'application/xml').send('<event/>');
    expect(xml.status).toBe(415);
    expect(xml.headers['content-type']).toMatch(/application\/problem\+json/);
    const none = await fetch(`${hub().baseUrl}/admin/programs`, { method: 'POST', headers: asAdmin(), body: Buffer.from('{"programId":"X","name":"x"}') });
    expect(none.status).toBe(415);
  });
});
