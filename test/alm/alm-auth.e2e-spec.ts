import { randomUUID } from 'node:crypto';
import { api, asAdmin, waitForDrain, withDb } from '../support/hub.js';
import { almDelivery, basicAuth, createWebhook, deliver, enrollment, newSecret, openDeadLetters, PROBLEM, sign, storedAlmEvents, type TestWebhook } from './alm-support.js';


async function expect401(webhook: TestWebhook, body: string, headers: Record<string, string>): Promise<void> {
  const res = await deliver(webhook, body, headers);
  expect(res.status).toBe(401);
  expect(res.headers['content-type']).toMatch(PROBLEM);
  expect(res.body).toMatchObject({ status: 401, title: 'Unauthorized' });
}

/** Refused deliveries must leave nothing behind: no event, no dead letter. */
async function expectNothingKept(webhook: TestWebhook): Promise<void> {
  await waitForDrain();
  expect(await storedAlmEvents(webhook.programId)).toEqual([]);
  expect(await openDeadLetters(webhook.programId)).toEqual([]);
}

describe('ALM webhook authentication', () => {
  describe('signature (HMAC over the raw body)', () => {
    const secret = newSecret();
    let webhook: TestWebhook;
    beforeAll(async () => {
      webhook = await createWebhook({ type: 'signature', secret });
    });

    it('accepts the default scheme: HMAC-SHA256, hex, x-alm-signature, with or without a sha256= prefix', async () => {
      const body = almDelivery([enrollment()]);
      expect((await deliver(webhook, body, { 'x-alm-signature': sign(body, { secret }) })).status).toBe(202);
      const other = almDelivery([enrollment()]);
      expect((await deliver(webhook, other, { 'X-ALM-Signature': `sha256=${sign(other, { secret }).toUpperCase()}` })).status).toBe(202);
    });

    it('refuses a wrong secret, a body altered after signing, a missing header and a garbled value', async () => {
      const refused = await createWebhook({ type: 'signature', secret });
      const body = almDelivery([enrollment()]);
      await expect401(refused, body, { 'x-alm-signature': sign(body, { secret: `${secret}x` }) });
      await expect401(refused, body.replace('12345678', '12345679'), { 'x-alm-signature': sign(body, { secret }) });
      await expect401(refused, `${body}\n`, { 'x-alm-signature': sign(body, { secret }) });
      await expect401(refused, body, {});
      await expect401(refused, body, { 'x-alm-signature': 'not-a-digest' });
      await expect401(refused, body, { 'x-other-signature': sign(body, { secret }) });
      await expectNothingKept(refused);
    });

    it('verifies over the exact bytes: a trailing-comma body is signed and accepted as sent', async () => {
      const body = `{"accountId": 1234, "events": [${JSON.stringify(enrollment()).replace(/}$/, ',}')},]}`;
      expect((await deliver(webhook, body, { 'x-alm-signature': sign(body, { secret }) })).status).toBe(202);
    });

    it('follows the configured header, algorithm and encoding', async () => {
      const custom = await createWebhook({ type: 'signature', secret, header: 'X-Signature', algorithm: 'sha512', encoding: 'base64' });
      const body = almDelivery([enrollment()]);
      const value = sign(body, { secret, algorithm: 'sha512', encoding: 'base64' });
      expect((await deliver(custom, body, { 'x-signature': value })).status).toBe(202);
      expect((await deliver(custom, body, { 'x-signature': value.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_') })).status).toBe(202);
      await expect401(custom, body, { 'x-signature': sign(body, { secret }) });
      await expect401(custom, body, { 'x-alm-signature': value });
      const sha1 = await createWebhook({ type: 'signature', secret, algorithm: 'sha1' });
      expect((await deliver(sha1, body, { 'x-alm-signature': sign(body, { secret, algorithm: 'sha1' }) })).status).toBe(202);
    });

    it('uses the new secret once rotated, and refuses the old one', async () => {
      const rotating = await createWebhook({ type: 'signature', secret });
      const fresh = newSecret();
      await api().patch(`/admin/alm/webhooks/${rotating.id}`).set(asAdmin()).send({ auth: { type: 'signature', secret: fresh } }).expect(200);
      const body = almDelivery([enrollment()]);
      await expect401(rotating, body, { 'x-alm-signature': sign(body, { secret }) });
      expect((await deliver(rotating, body, { 'x-alm-signature': sign(body, { secret: fresh }) })).status).toBe(202);
    });
  });

  describe('static token (the header carries the secret itself)', () => {
    it('accepts the token and refuses anything else', async () => {
      const token = newSecret();
      const webhook = await createWebhook({ type: 'signature', mode: 'token', secret: token, header: 'x-alm-token' });
      const body = almDelivery([enrollment()]);
      expect((await deliver(webhook, body, { 'x-alm-token': token })).status).toBe(202);
      const refused = await createWebhook({ type: 'signature', mode: 'token', secret: token, header: 'x-alm-token' });
      await expect401(refused, body, { 'x-alm-token': `${token}x` });
      await expect401(refused, body, { 'x-alm-token': token.slice(0, -1) });
      await expect401(refused, body, { 'x-alm-signature': token });
      await expect401(refused, body, {});
      await expectNothingKept(refused);
    });
  });

  describe('Basic', () => {
    it('accepts the right credentials and refuses a wrong password, a wrong user and none', async () => {
      const webhook = await createWebhook({ type: 'basic', username: 'alm', password: 'pa:ss word' });
      const body = almDelivery([enrollment()]);
      expect((await deliver(webhook, body, basicAuth('alm', 'pa:ss word'))).status).toBe(202);
      const refused = await createWebhook({ type: 'basic', username: 'alm', password: 'pa:ss word' });
      await expect401(refused, body, basicAuth('alm', 'pa:ss wordx'));
      await expect401(refused, body, basicAuth('ALM', 'pa:ss word'));
      await expect401(refused, body, { Authorization: 'Bearer pa:ss word' });
      await expect401(refused, body, {});
      await expectNothingKept(refused);
    });

    it('refuses the old password once rotated, even right after it was accepted', async () => {
      const webhook = await createWebhook({ type: 'basic', username: 'alm', password: 'old password' });
      const body = almDelivery([enrollment()]);
      expect((await deliver(webhook, body, basicAuth('alm', 'old password'))).status).toBe(202);
      await api().patch(`/admin/alm/webhooks/${webhook.id}`).set(asAdmin()).send({ auth: { type: 'basic', password: 'new password' } }).expect(200);
      await expect401(webhook, body, basicAuth('alm', 'old password'));
      expect((await deliver(webhook, body, basicAuth('alm', 'new password'))).status).toBe(202);
      await api().patch(`/admin/alm/webhooks/${webhook.id}`).set(asAdmin()).send({ auth: { type: 'basic', username: 'alm2' } }).expect(200);
      await expect401(webhook, body, basicAuth('alm', 'new password'));
      expect((await deliver(webhook, body, basicAuth('alm2', 'new password'))).status).toBe(202);
    });

    it('stores the password as a scrypt hash and the signing secret encrypted, never in clear', async () => {
      const secret = newSecret();
      const basicHook = await createWebhook({ type: 'basic', username: 'alm', password: 'a-password-to-find' });
      const signed = await createWebhook({ type: 'signature', secret });
      const rows = await withDb(async (db) => (await db.query('SELECT id, basic_password_hash, signature_secret FROM alm_webhooks WHERE id = ANY($1)', [[basicHook.id, signed.id]])).rows);
      const byId = Object.fromEntries(rows.map((r: { id: string; basic_password_hash: string; signature_secret: string }) => [r.id, r]));
      expect(byId[basicHook.id].basic_password_hash).toMatch(/^scrypt\$/);
      expect(byId[basicHook.id].basic_password_hash).not.toContain('a-password-to-find');
      expect(byId[signed.id].signature_secret).toMatch(/^v1\./);
      expect(byId[signed.id].signature_secret).not.toContain(secret);
      // a ciphertext moved to another webhook's row does not authenticate that webhook
      const other = await createWebhook({ type: 'signature', secret: newSecret() });
      await withDb((db) => db.query('UPDATE alm_webhooks SET signature_secret = $1 WHERE id = $2', [byId[signed.id].signature_secret, other.id]));
      const body = almDelivery([enrollment()]);
      const res = await deliver(other, body, { 'x-alm-signature': sign(body, { secret }) });
      expect(res.status).toBe(500);
      expect(res.headers['content-type']).toMatch(PROBLEM);
    });
  });

  describe('none', () => {
    it('accepts any delivery at its unguessable address', async () => {
      const webhook = await createWebhook({ type: 'none' });
      expect((await deliver(webhook, almDelivery([enrollment()]))).status).toBe(202);
    });
  });

  describe('unknown and disabled webhooks', () => {
    it('answers 404 problem+json for an unknown id, a malformed id and a disabled webhook, and keeps nothing', async () => {
      const body = almDelivery([enrollment()]);
      for (const path of [`/webhooks/alm/${randomUUID()}`, '/webhooks/alm/not-a-uuid']) {
        const res = await deliver({ path }, body);
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toMatch(PROBLEM);
      }
      const webhook = await createWebhook({ type: 'none' });
      await api().patch(`/admin/alm/webhooks/${webhook.id}`).set(asAdmin()).send({ enabled: false }).expect(200);
      const disabled = await deliver(webhook, body);
      expect(disabled.status).toBe(404);
      expect(disabled.headers['content-type']).toMatch(PROBLEM);
      await waitForDrain();
      expect(await storedAlmEvents(webhook.programId)).toEqual([]);
      await api().patch(`/admin/alm/webhooks/${webhook.id}`).set(asAdmin()).send({ enabled: true }).expect(200);
      expect((await deliver(webhook, body)).status).toBe(202);
    });
  });
});
