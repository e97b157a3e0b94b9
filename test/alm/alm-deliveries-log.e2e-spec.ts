import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, asAdmin, eventually, hub } from '../support/hub.js';
import { almDelivery, basicAuth, BODY_LIMIT, createWebhook, deliveriesOf, deliver, deliverTooLarge, enrollment, newSecret, sign } from './alm-support.js';

describe('the deliveries log of an ALM webhook', () => {
  it('shows header names, sizes and outcomes, never a secret value, and keeps the last 20', async () => {
    const secret = newSecret();
    const webhook = await createWebhook({ type: 'signature', secret });
    const body = almDelivery([enrollment()]);
    const signature = sign(body, { secret });
    const wrong = sign(body, { secret: 'not-the-secret' });
    expect((await deliver(webhook, body, { 'x-alm-signature': `sha256=${signature}`, 'user-agent': 'ALM-Webhook/1.0', 'x-alm-account': '1234' })).status).toBe(202);
    expect((await deliver(webhook, body, { 'x-alm-signature': wrong })).status).toBe(401);
    expect((await deliver(webhook, '{"accountId": 1,', { 'x-alm-signature': sign('{"accountId": 1,', { secret }) })).status).toBe(400);
    expect((await deliverTooLarge(webhook, true, { 'x-alm-signature': wrong })).status).toBe(413);

    const log = await deliveriesOf(webhook, 4);
    expect(log.map((d) => [d.status, d.outcome])).toEqual([
      [413, 'too_large'],
      [400, 'bad_request'],
      [401, 'unauthorized'],
      [202, 'accepted'],
    ]);
    const accepted = log[3];
    expect(accepted).toMatchObject({ sizeBytes: Buffer.byteLength(body), detail: '1 events' });
    expect(accepted.headers).toEqual(
      expect.arrayContaining([
        { name: 'x-alm-signature', value: 'sha256=hex(64)', redacted: true },
        { name: 'x-alm-account', value: 'hex(4)', redacted: true },
        { name: 'user-agent', value: 'ALM-Webhook/1.0', redacted: false },
        { name: 'content-type', value: 'application/json', redacted: false },
      ]),
    );
    expect(log[2]).toMatchObject({ detail: 'signature: mismatch', sizeBytes: Buffer.byteLength(body) });
    expect(log[1].detail).toMatch(/not_json/);
    expect(log[0]).toMatchObject({ sizeBytes: BODY_LIMIT + 1, detail: 'the body is over the size limit' });

    const everything = JSON.stringify(log);
    for (const value of [secret, signature, wrong]) expect(everything).not.toContain(value);
    const admin = JSON.stringify((await api().get(`/admin/alm/webhooks/${webhook.id}`).set(asAdmin()).expect(200)).body);
    expect(admin).not.toContain(secret);

    for (let i = 0; i < 22; i += 1) expect((await deliver(webhook, body, { 'x-alm-signature': signature })).status).toBe(202);
    // recording happens after each answer, so wait until the last 22 have pushed the older ones out
    await eventually(async () => {
      const last = await deliveriesOf(webhook, 20);
      return last.length === 20 && last.every((d) => d.status === 202);
    }, 30_000, 'only the last 20 deliveries kept');
  });

  it('lets an operator find and lock the scheme ALM really uses', async () => {
    // ALM's scheme is unpublished: say it signs with HMAC-SHA256 in base64 under another header name
    const secret = newSecret();
    const webhook = await createWebhook({ type: 'signature', secret });
    const body = almDelivery([enrollment()]);
    const almHeaders = { 'x-adobe-signature': sign(body, { secret, encoding: 'base64' }) };
    expect((await deliver(webhook, body, almHeaders)).status).toBe(401);

    const [refused] = await deliveriesOf(webhook, 1);
    expect(refused.detail).toBe('signature: missing_header');
    expect(refused.headers).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'x-adobe-signature', value: 'base64(44)', redacted: true })]));
    expect(refused.verifiesWith).toEqual([{ mode: 'hmac', header: 'x-adobe-signature', algorithm: 'sha256', encoding: 'base64' }]);

    const { mode: _mode, ...scheme } = refused.verifiesWith[0];
    const locked = await api().patch(`/admin/alm/webhooks/${webhook.id}`).set(asAdmin()).send({ auth: { type: 'signature', ...scheme } }).expect(200);
    expect(locked.body.auth).toEqual({ type: 'signature', mode: 'hmac', header: 'x-adobe-signature', algorithm: 'sha256', encoding: 'base64', secretSet: true });
    expect((await deliver(webhook, body, almHeaders)).status).toBe(202);
  });

  it('writes no secret, token, password or signature into the API log', async () => {
    const secret = newSecret();
    const token = newSecret();
    const password = `pw-${newSecret()}`;
    const signed = await createWebhook({ type: 'signature', secret, header: 'x-custom-sig' });
    const tokenHook = await createWebhook({ type: 'signature', mode: 'token', secret: token, header: 'x-alm-token' });
    const basicHook = await createWebhook({ type: 'basic', username: 'alm', password });
    const body = almDelivery([enrollment()]);
    const signature = sign(body, { secret });
    expect((await deliver(signed, body, { 'x-custom-sig': signature })).status).toBe(202);
    expect((await deliver(tokenHook, body, { 'x-alm-token': token })).status).toBe(202);
    expect((await deliver(tokenHook, body, { 'x-alm-token': `${token}-wrong` })).status).toBe(401);
    const basic = basicAuth('alm', password);
    expect((await deliver(basicHook, body, basic)).status).toBe(202);
    const apiLog = await eventually(async () => {
      const text = readFileSync(join(hub().dir, 'logs', 'api.log'), 'utf8');
      return text.includes(basicHook.path) ? text : null;
    }, 30_000, 'the request lines in the API log');
    for (const value of [secret, signature, token, password, basic.Authorization.slice(6)]) expect(apiLog).not.toContain(value);
  });
});
