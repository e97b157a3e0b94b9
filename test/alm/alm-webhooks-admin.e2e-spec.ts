import { randomUUID } from 'node:crypto';
import { api, asAdmin, createProgram, waitForDrain } from '../support/hub.js';
import { almDelivery, createWebhook, deliver, enrollment, newSecret, PROBLEM, storedAlmEvents } from './alm-support.js';

const admin = () => api();

describe('/admin/alm/webhooks', () => {
  it('creates a webhook per auth type, answering 201 {id, path} and never the secret or password', async () => {
    const programId = await createProgram();
    const secret = newSecret();
    const bodies = [
      { type: 'none' },
      { type: 'basic', username: 'alm', password: 'a-password' },
      { type: 'signature', secret },
      { type: 'signature', secret, header: 'X-Sig', algorithm: 'sha1', encoding: 'base64' },
      { type: 'signature', mode: 'token', secret, header: 'x-alm-token' },
    ];
    for (const auth of bodies) {
      const res = await admin().post('/admin/alm/webhooks').set(asAdmin()).send({ name: `w ${auth.type}`, programId, auth }).expect(201);
      expect(res.body).toMatchObject({ id: expect.any(String), path: `/webhooks/alm/${res.body.id}`, programId, enabled: true });
      expect(res.body.url).toMatch(new RegExp(`^http://.+/webhooks/alm/${res.body.id}$`));
      expect(JSON.stringify(res.body)).not.toContain(secret);
      expect(JSON.stringify(res.body)).not.toContain('a-password');
    }
    const list = await admin().get(`/admin/alm/webhooks?programId=${programId}`).set(asAdmin()).expect(200);
    expect(list.body.map((w: { auth: unknown }) => w.auth)).toEqual([
      { type: 'none' },
      { type: 'basic', username: 'alm', passwordSet: true },
      { type: 'signature', mode: 'hmac', header: 'x-alm-signature', algorithm: 'sha256', encoding: 'hex', secretSet: true },
      { type: 'signature', mode: 'hmac', header: 'x-sig', algorithm: 'sha1', encoding: 'base64', secretSet: true },
      { type: 'signature', mode: 'token', header: 'x-alm-token', secretSet: true },
    ]);
  });

  it('names the field of a bad request', async () => {
    const programId = await createProgram();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'x', programId, auth: { type: 'basic', username: 'alm' } }, 'auth.password'],
      [{ name: 'x', programId, auth: { type: 'signature' } }, 'auth.secret'],
      [{ name: 'x', programId, auth: { type: 'basic', username: 'alm', password: 'p', secret: 's' } }, 'auth.secret'],
      [{ name: 'x', programId, auth: { type: 'signature', secret: 's', algorithm: 'md5' } }, 'auth.algorithm'],
      [{ name: 'x', programId, auth: { type: 'signature', mode: 'token', secret: 's', encoding: 'hex' } }, 'auth.encoding'],
      [{ name: 'x', programId, auth: { type: 'signature', secret: 's', header: 'bad header' } }, 'auth.header'],
      [{ name: 'x', programId, auth: { type: 'basic', username: 'a:b', password: 'p' } }, 'auth.username'],
      [{ name: 'x', programId, auth: { type: 'magic' } }, 'auth.type'],
      [{ name: 'x', programId: 'NO-SUCH-PROGRAM', auth: { type: 'none' } }, 'programId'],
      [{ programId, auth: { type: 'none' } }, 'name'],
    ];
    for (const [body, field] of cases) {
      const res = await admin().post('/admin/alm/webhooks').set(asAdmin()).send(body);
      expect({ field, status: res.status }).toEqual({ field, status: 400 });
      expect(res.headers['content-type']).toMatch(PROBLEM);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    }
  });

  it('updates: rename, move to another program, switch auth type, keep the secret while changing settings', async () => {
    const webhook = await createWebhook({ type: 'none' });
    const target = await createProgram();
    const moved = await admin().patch(`/admin/alm/webhooks/${webhook.id}`).set(asAdmin()).send({ name: 'renamed', programId: target }).expect(200);
    expect(moved.body).toMatchObject({ name: 'renamed', programId: target });
    expect((await deliver(webhook, almDelivery([enrollment()]))).status).toBe(202);
    await waitForDrain();
    expect(await storedAlmEvents(target)).toHaveLength(1);
    expect(await storedAlmEvents(webhook.programId)).toHaveLength(0);

    const switched = await admin().patch(`/admin/alm/webhooks/${webhook.id}`).set(asAdmin()).send({ auth: { type: 'basic', username: 'alm' } });
    expect(switched.status).toBe(400);
    expect(switched.body.errors[0].field).toBe('auth.password');
    await admin().patch(`/admin/alm/webhooks/${webhook.id}`).set(asAdmin()).send({ auth: { type: 'basic', username: 'alm', password: 'p' } }).expect(200);
    const keepPassword = await admin().patch(`/admin/alm/webhooks/${webhook.id}`).set(asAdmin()).send({ auth: { type: 'basic', username: 'alm2' } }).expect(200);
    expect(keepPassword.body.auth).toEqual({ type: 'basic', username: 'alm2', passwordSet: true });
    const toToken = await admin().patch(`/admin/alm/webhooks/${webhook.id}`).set(asAdmin()).send({ auth: { type: 'signature', mode: 'token', secret: 's3cret' } }).expect(200);
    expect(toToken.body.auth).toEqual({ type: 'signature', mode: 'token', header: 'x-alm-signature', secretSet: true });
    const toHmac = await admin().patch(`/admin/alm/webhooks/${webhook.id}`).set(asAdmin()).send({ auth: { type: 'signature', mode: 'hmac', encoding: 'base64' } }).expect(200);
    expect(toHmac.body.auth).toEqual({ type: 'signature', mode: 'hmac', header: 'x-alm-signature', algorithm: 'sha256', encoding: 'base64', secretSet: true });
    await admin().patch(`/admin/alm/webhooks/${webhook.id}`).set(asAdmin()).send({ programId: 'NO-SUCH-PROGRAM' }).expect(400);
    await admin().patch(`/admin/alm/webhooks/${randomUUID()}`).set(asAdmin()).send({ enabled: false }).expect(404);
  });

  it('deletes a webhook: its address answers 404 from then on', async () => {
    const webhook = await createWebhook({ type: 'none' });
    await admin().delete(`/admin/alm/webhooks/${webhook.id}`).set(asAdmin()).expect(204);
    await admin().get(`/admin/alm/webhooks/${webhook.id}`).set(asAdmin()).expect(404);
    await admin().get(`/admin/alm/webhooks/${webhook.id}/deliveries`).set(asAdmin()).expect(404);
    await admin().delete(`/admin/alm/webhooks/${webhook.id}`).set(asAdmin()).expect(404);
    expect((await deliver(webhook, almDelivery([enrollment()]))).status).toBe(404);
  });

  it('needs the admin token', async () => {
    const webhook = await createWebhook({ type: 'none' });
    await admin().get('/admin/alm/webhooks').expect(401);
    await admin().post('/admin/alm/webhooks').send({ name: 'x', programId: webhook.programId, auth: { type: 'none' } }).expect(401);
    await admin().get(`/admin/alm/webhooks/${webhook.id}/deliveries`).set({ Authorization: 'Bearer wrong-token-wrong-token' }).expect(401);
    await admin().patch(`/admin/alm/webhooks/${webhook.id}`).send({ enabled: false }).expect(401);
    await admin().delete(`/admin/alm/webhooks/${webhook.id}`).expect(401);
  });
});
