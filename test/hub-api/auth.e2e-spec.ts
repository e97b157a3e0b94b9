import { api, asAdmin, createApiKey, createProgram, lbEvent, publisher } from '../support/hub.js';

const PROBLEM = /application\/problem\+json/;

describe('hub API authentication and authorization', () => {
  it('refuses a request without a key with 401 problem+json and a Bearer challenge', async () => {
    const res = await api().post('/api/v1/events').send(lbEvent('X')).expect(401);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(res.body).toMatchObject({ status: 401, title: 'Unauthorized' });
  });

  it('refuses an unknown key', async () => {
    await api().get('/api/v1/events').set({ Authorization: 'Bearer lhk_notarealkeyatall' }).expect(401);
    await api().get('/api/v1/events').set({ Authorization: 'Basic Zm9vOmJhcg==' }).expect(401);
  });

  it('refuses a key once it is revoked', async () => {
    const programId = await createProgram();
    const { id, key } = await createApiKey([programId]);
    await api().get('/api/v1/events').set({ Authorization: `Bearer ${key}` }).expect(200);
    await api().delete(`/admin/api-keys/${id}`).set(asAdmin()).expect(204);
    await api().get('/api/v1/events').set({ Authorization: `Bearer ${key}` }).expect(401);
    await api().post('/api/v1/events').set({ Authorization: `Bearer ${key}` }).send(lbEvent(programId)).expect(401);
  });

  it('refuses a key without the route’s scope with 403', async () => {
    const programId = await createProgram();
    const readOnly = await createApiKey([programId], ['events:read']);
    const writeOnly = await createApiKey([programId], ['events:write']);
    const res = await api().post('/api/v1/events').set({ Authorization: `Bearer ${readOnly.key}` }).send(lbEvent(programId)).expect(403);
    expect(res.body.detail).toMatch(/events:write/);
    await api().get('/api/v1/events').set({ Authorization: `Bearer ${writeOnly.key}` }).expect(403);
    await api().get('/api/v1/events/any').set({ Authorization: `Bearer ${writeOnly.key}` }).expect(403);
  });

  it('refuses a program outside the key with 403, and accepts nothing of that request', async () => {
    const mine = await publisher();
    const other = await createProgram();
    const res = await api()
      .post('/api/v1/events')
      .set(mine.auth)
      .send([lbEvent(mine.programId), lbEvent(other)])
      .expect(403);
    expect(res.body.detail).toContain(other);
    await api().get(`/api/v1/events?PublisherProgramId=${other}`).set(mine.auth).expect(403);
  });

  it('does not show another program’s event by id', async () => {
    const a = await publisher();
    const b = await publisher();
    const [receipt] = (await api().post('/api/v1/events').set(a.auth).send(lbEvent(a.programId)).expect(202)).body;
    await api().get(`/api/v1/events/${receipt.EventId}`).set(b.auth).expect(404);
  });

  it('guards the admin routes with the admin token', async () => {
    await api().get('/admin/programs').expect(401);
    await api().get('/admin/programs').set({ Authorization: 'Bearer wrong-token-of-some-length' }).expect(401);
    const res = await api().post('/admin/api-keys').send({ name: 'x', programIds: ['X'], scopes: ['events:read'] }).expect(401);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    await api().get('/admin/programs').set(asAdmin()).expect(200);
  });

  it('never returns the key again after creation, and stores only its hash', async () => {
    const programId = await createProgram();
    const { key } = await createApiKey([programId]);
    const list = await api().get('/admin/api-keys').set(asAdmin()).expect(200);
    expect(JSON.stringify(list.body)).not.toContain(key);
    expect(JSON.stringify(list.body)).not.toContain('keyHash');
  });
});
