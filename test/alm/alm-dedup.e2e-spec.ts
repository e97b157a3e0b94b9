import { createProgram, waitForDrain } from '../support/hub.js';
import { almDelivery, createWebhook, deliver, enrollment, newSecret, sign, storedAlmEvents } from './alm-support.js';

/** ALM resends on silence and after crashes: the same delivery, or the same event in a later delivery. */
describe('ALM deliveries are stored once', () => {
  it('stores a whole batch once however often it is resent, concurrently too', async () => {
    const secret = newSecret();
    const webhook = await createWebhook({ type: 'signature', secret });
    const body = almDelivery(Array.from({ length: 25 }, () => enrollment()));
    const headers = { 'x-alm-signature': sign(body, { secret }) };
    expect((await deliver(webhook, body, headers)).status).toBe(202);
    const resends = await Promise.all(Array.from({ length: 5 }, () => deliver(webhook, body, headers)));
    expect(resends.map((r) => r.status)).toEqual([202, 202, 202, 202, 202]);
    await waitForDrain();
    expect(await storedAlmEvents(webhook.programId)).toHaveLength(25);
  });

  it('stores an event repeated across deliveries once, and the new ones beside it', async () => {
    const webhook = await createWebhook({ type: 'none' });
    const [a, b, c] = [enrollment(), enrollment(), enrollment()];
    expect((await deliver(webhook, almDelivery([a, b]))).status).toBe(202);
    expect((await deliver(webhook, almDelivery([b, c]))).status).toBe(202);
    // the same event re-serialized differently (ALM's releases differ in spacing and key order) is the same event
    const reordered = `{ "events": [ ${JSON.stringify({ data: c.data, eventName: c.eventName, eventId: c.eventId, timestamp: c.timestamp })} ], "accountId": "1234" }`;
    expect((await deliver(webhook, reordered)).status).toBe(202);
    await waitForDrain();
    const stored = await storedAlmEvents(webhook.programId);
    expect(stored.map((r) => r.publisher_event_id).sort()).toEqual([a.eventId, b.eventId, c.eventId].sort());
  });

  it('stores an event repeated inside one delivery once', async () => {
    const webhook = await createWebhook({ type: 'none' });
    const event = enrollment();
    expect((await deliver(webhook, almDelivery([event, event, event]))).status).toBe(202);
    await waitForDrain();
    expect(await storedAlmEvents(webhook.programId)).toHaveLength(1);
  });

  it('keeps events of the same id but another name or account apart, as the identity prescribes', async () => {
    const webhook = await createWebhook({ type: 'none' });
    const event = enrollment();
    expect((await deliver(webhook, almDelivery([event, { ...event, eventName: 'COURSE_ENROLLMENT_BATCH' }]))).status).toBe(202);
    expect((await deliver(webhook, almDelivery([event], 5678))).status).toBe(202);
    await waitForDrain();
    expect(await storedAlmEvents(webhook.programId)).toHaveLength(3);
  });

  it('gives each program fed by the same ALM account its own copy', async () => {
    const first = await createWebhook({ type: 'none' });
    const second = await createWebhook({ type: 'none' }, await createProgram());
    const body = almDelivery([enrollment(), enrollment()]);
    for (const webhook of [first, second, first, second]) expect((await deliver(webhook, body)).status).toBe(202);
    await waitForDrain();
    expect(await storedAlmEvents(first.programId)).toHaveLength(2);
    expect(await storedAlmEvents(second.programId)).toHaveLength(2);
  });
});
