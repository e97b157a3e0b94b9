import { api, asAdmin, rememberSecret, withDb } from '../support/hub.js';
import { basicAuth, createClient, lrs, VERSION } from './xapi-support.js';

const TOKEN = '/igs/oauth/accesstoken';

function expectOAuthError(res: { status: number; body: unknown; headers: Record<string, string> }, status: number, error: string): void {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  expect(res.headers['cache-control']).toBe('no-store');
  expect(res.body).toEqual({ error, error_description: expect.any(String) });
}

describe('POST /igs/oauth/accesstoken (RFC 6749 section 4.4)', () => {
  it('issues a bearer token for the seed form request, usable on the LRS', async () => {
    const client = await createClient();
    const res = await api()
      .post(TOKEN)
      .set('Content-Type', 'application/x-www-form-urlencoded')
      .send(`grant_type=client_credentials&client_id=${client.clientId}&client_secret=${encodeURIComponent(client.clientSecret)}`)
      .expect(200);
    expect(res.headers['content-type']).toMatch(/^application\/json;\s*charset=UTF-8/i);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['pragma']).toBe('no-cache');
    expect(res.body).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 3600 });
    rememberSecret(res.body.access_token);
    await api().get('/xAPI/statements').set({ Authorization: `Bearer ${res.body.access_token}`, ...VERSION }).expect(200);
  });

  it('accepts a JSON body, and a JSON body sent with the form content type as the seed does', async () => {
    const client = await createClient();
    const json = JSON.stringify({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: client.clientSecret }, null, 1);
    await api().post(TOKEN).set('Content-Type', 'application/json').set('Accept', 'application/json').send(json).expect(200);
    const res = await api().post(TOKEN).set('Content-Type', 'application/x-www-form-urlencoded').set('Accept', 'application/json').send(json).expect(200);
    expect(res.body.token_type).toBe('bearer');
  });

  it('accepts client authentication with HTTP Basic (section 2.3.1)', async () => {
    const client = await createClient();
    const res = await api().post(TOKEN).set(client.basic).type('form').send({ grant_type: 'client_credentials' }).expect(200);
    expect(res.body.access_token).toEqual(expect.any(String));
  });

  it('answers invalid_client with 401 and WWW-Authenticate for a bad secret or an unknown client', async () => {
    const client = await createClient();
    const bad = await api().post(TOKEN).type('form').send({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: 'wrong' });
    expectOAuthError(bad, 401, 'invalid_client');
    expect(bad.headers['www-authenticate']).toMatch(/^Basic /);
    expectOAuthError(await api().post(TOKEN).set(basicAuth('nobody', 'nothing')).type('form').send({ grant_type: 'client_credentials' }), 401, 'invalid_client');
  });

  it('answers unsupported_grant_type for another grant and invalid_request for a malformed request', async () => {
    const client = await createClient();
    expectOAuthError(await api().post(TOKEN).type('form').send({ grant_type: 'password', username: 'a', password: 'b' }), 400, 'unsupported_grant_type');
    expectOAuthError(await api().post(TOKEN).type('form').send({ client_id: client.clientId, client_secret: client.clientSecret }), 400, 'invalid_request');
    expectOAuthError(
      await api().post(TOKEN).set(client.basic).type('form').send({ grant_type: 'client_credentials', client_secret: client.clientSecret }),
      400,
      'invalid_request',
    );
    // Malformed JSON fails in the framework's parser: still the OAuth shape, never problem+json.
    expectOAuthError(await api().post(TOKEN).set('Content-Type', 'application/json').send('{"grant_type":'), 400, 'invalid_request');
  });

  it('refuses an expired token and the tokens of a revoked client', async () => {
    const client = await createClient();
    const issue = () => api().post(TOKEN).set(client.basic).type('form').send({ grant_type: 'client_credentials' }).expect(200);
    const expiring = (await issue()).body.access_token as string;
    rememberSecret(expiring);
    await withDb((db) => db.query(`UPDATE xapi_tokens SET expires_utc = now() - interval '1 second' WHERE client_id = $1`, [client.clientId]));
    const expired = await api().get('/xAPI/statements').set({ Authorization: `Bearer ${expiring}`, ...VERSION }).expect(401);
    expect(expired.headers['www-authenticate']).toContain('Bearer');

    const live = (await issue()).body.access_token as string;
    rememberSecret(live);
    await api().get('/xAPI/statements').set({ Authorization: `Bearer ${live}`, ...VERSION }).expect(200);
    await api().delete(`/admin/xapi/clients/${client.clientId}`).set(asAdmin()).expect(204);
    await api().get('/xAPI/statements').set({ Authorization: `Bearer ${live}`, ...VERSION }).expect(401);
    await api().get('/xAPI/statements').set(lrs(client)).expect(401);
    expectOAuthError(await api().post(TOKEN).set(client.basic).type('form').send({ grant_type: 'client_credentials' }), 401, 'invalid_client');
  });

  it('kills the old secret and its tokens when the secret is rotated', async () => {
    const client = await createClient();
    const old = (await api().post(TOKEN).set(client.basic).type('form').send({ grant_type: 'client_credentials' }).expect(200)).body.access_token;
    const rotated = await api().post(`/admin/xapi/clients/${client.clientId}/secret`).set(asAdmin()).expect(200);
    expect(rotated.body.clientSecret).not.toBe(client.clientSecret);
    rememberSecret(rotated.body.clientSecret);
    rememberSecret(old);
    await api().get('/xAPI/statements').set({ Authorization: `Bearer ${old}`, ...VERSION }).expect(401);
    await api().get('/xAPI/statements').set(lrs(client)).expect(401);
    await api().get('/xAPI/statements').set({ ...basicAuth(client.clientId, rotated.body.clientSecret), ...VERSION }).expect(200);
  });

  it('rate-limits failed attempts per client and address with 429 and Retry-After, also for the right secret', async () => {
    const client = await createClient();
    const attempt = (secret: string) => api().post(TOKEN).type('form').send({ grant_type: 'client_credentials', client_id: client.clientId, client_secret: secret });
    for (let i = 0; i < 10; i++) expect((await attempt('wrong')).status).toBe(401);
    const limited = await attempt(client.clientSecret);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.body.error).toBe('invalid_client');
    // Another client from the same address is not affected.
    const other = await createClient();
    await api().post(TOKEN).set(other.basic).type('form').send({ grant_type: 'client_credentials' }).expect(200);
  });

  it('documents the token endpoint, the LRS and the client administration in OpenAPI', async () => {
    const doc = await api().get('/docs-json').expect(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/igs/oauth/accesstoken', '/xAPI/statements', '/xAPI/activities/state', '/xAPI/about', '/admin/xapi/clients', '/admin/xapi/clients/{clientId}/secret']),
    );
    expect(Object.keys(doc.body.components.securitySchemes)).toEqual(expect.arrayContaining(['xapi-token', 'xapi-basic']));
  });

  it('lists clients without secrets', async () => {
    const client = await createClient({ igsClientId: 'igs-listed' });
    const list = await api().get('/admin/xapi/clients').set(asAdmin()).expect(200);
    const listed = (list.body as Record<string, unknown>[]).find((c) => c.clientId === client.clientId);
    expect(listed).toMatchObject({ programId: client.programId, igsClientId: 'igs-listed', revokedUtc: null });
    expect(JSON.stringify(list.body)).not.toContain(client.clientSecret);
    expect(listed).not.toHaveProperty('secretHash');
    await api().post('/admin/xapi/clients').set(asAdmin()).send({ name: 'x', programId: 'NO-SUCH-PROGRAM' }).expect(400);
    await api().get('/admin/xapi/clients').expect(401);
  });
});
