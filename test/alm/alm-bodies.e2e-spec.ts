import { api, asAdmin, eventually, hub, waitForDrain } from '../support/hub.js';
import { almDelivery, BODY_LIMIT, createWebhook, deliver, deliverTooLarge, enrollment, newSecret, openDeadLetters, PROBLEM, sign, storedAlmEvents } from './alm-support.js';

describe('ALM delivery bodies', () => {
  it('answers 413 problem+json for a body over the limit (default 5 MB), announced or not, and keeps nothing', async () => {
    const secret = newSecret();
    const webhook = await createWebhook({ type: 'signature', secret });
    const announced = await deliverTooLarge(webhook, true, { 'x-alm-signature': 'ab'.repeat(32) });
    expect(announced.status).toBe(413);
    expect(announced.headers['content-type']).toMatch(PROBLEM);
    const chunked = await deliverTooLarge(webhook, false, { 'x-alm-signature': 'ab'.repeat(32) });
    if (chunked !== 'reset') {
      expect(chunked.status).toBe(413);
      expect(chunked.headers['content-type']).toMatch(PROBLEM);
    }
    await waitForDrain();
    expect(await storedAlmEvents(webhook.programId)).toEqual([]);
    expect(await openDeadLetters(webhook.programId)).toEqual([]);
    // just under the limit is fine
    const fits = almDelivery([enrollment({}, { note: 'x'.repeat(BODY_LIMIT - 2_000) })]);
    expect((await deliver(webhook, fits, { 'x-alm-signature': sign(fits, { secret }) })).status).toBe(202);
  });

  it('answers 400 problem+json for a body that is not JSON even leniently, and keeps its exact bytes in dead letters', async () => {
    const secret = newSecret();
    const webhook = await createWebhook({ type: 'signature', secret });
    const raw = Buffer.concat([Buffer.from('{"accountId": 1234, "events": [{"eventId": "a" '), Buffer.from([0xff, 0xfe, 0x00]), Buffer.from(' oops')]);
    const res = await deliver(webhook, raw, { 'x-alm-signature': sign(raw, { secret }) });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(PROBLEM);
    expect(res.body.errors).toEqual([expect.objectContaining({ field: 'body' })]);

    const [letter] = await openDeadLetters(webhook.programId);
    expect(letter).toMatchObject({ source: 'ALM', programId: webhook.programId, status: 'open' });
    expect(letter.reason).toMatch(/not_json/);
    const detail = await api().get(`/admin/dead-letters/${letter.id}`).set(asAdmin()).expect(200);
    expect(Buffer.from(detail.body.payloadBase64, 'base64').equals(raw)).toBe(true);
    expect(detail.body.context).toEqual({ webhookId: webhook.id });
  });

  it('names the envelope field that is wrong, and keeps such bodies too', async () => {
    const webhook = await createWebhook({ type: 'none' });
    const cases: [string, string][] = [
      ['{"events": []}', 'accountId'],
      ['{"accountId": 1234}', 'events'],
      ['{"accountId": 1234, "events": {"eventId": "x"}}', 'events'],
      ['[{"accountId": 1234, "events": []}]', 'body'],
      ['"just text"', 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await deliver(webhook, body);
      expect({ body, status: res.status }).toEqual({ body, status: 400 });
      expect(res.body.errors[0].field).toBe(field);
    }
    expect(await openDeadLetters(webhook.programId)).toHaveLength(cases.length);
  });

  it('keeps nothing of an unauthenticated malformed body', async () => {
    const webhook = await createWebhook({ type: 'signature', secret: newSecret() });
    const res = await deliver(webhook, 'not json at all', { 'x-alm-signature': 'ab'.repeat(32) });
    expect(res.status).toBe(401);
    expect(await openDeadLetters(webhook.programId)).toEqual([]);
  });

  it('accepts what the documented samples show: trailing commas, learning_program, three time styles, unknown names, no content type', async () => {
    const webhook = await createWebhook({ type: 'none' });
    const body = `{
      "accountId": 1234,
      "events": [
        {"eventId": "tc-1", "eventName": "LEARNING_PATH_UNENROLLMENT", "timestamp": 1725602973,
         "data": {"userId": 1, "loId": "learning_program:123157", "loInstanceId": "learning_program:123157_109139",},},
        {"eventId": "tc-2", "eventName": "COURSE_ENROLLMENT_BATCH", "timestamp": 1727414643000,
         "data": {"userId": 2, "loId": "course:1", "loInstanceId": "course:1_2", "dateEnrolled": 1727414643}},
        {"eventId": "tc-3", "eventName": "LEARNING_PATH_COMPLETION_ROLLBACK", "timestamp": "2024-11-08T03:49:52.000Z",
         "data": {"userId": 3, "loId": "learningProgram:9"}},
      ],
    }`;
    const res = await deliver(webhook, body, { 'content-type': 'text/plain' });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ events: 3, unreadableEvents: 0 });
    const bare = await fetch(`${hub().baseUrl}${webhook.path}`, { method: 'POST', body: Buffer.from(almDelivery([enrollment()])) });
    expect(bare.status).toBe(202);
    await waitForDrain();
    const stored = await storedAlmEvents(webhook.programId);
    expect(stored.map((r) => r.event_type)).toEqual(expect.arrayContaining(['LEARNING_PATH_UNENROLLMENT', 'COURSE_ENROLLMENT_BATCH', 'LEARNING_PATH_COMPLETION_ROLLBACK', 'COURSE_ENROLLMENT']));
    expect(stored).toHaveLength(4);
  });

  it('stores the readable events of a delivery and dead-letters each unreadable one on its own', async () => {
    const webhook = await createWebhook({ type: 'none' });
    const good = [enrollment(), enrollment()];
    const noId = { ...enrollment(), eventId: undefined };
    const noUser = enrollment({}, { userId: null });
    const res = await deliver(webhook, almDelivery([good[0], noId, noUser, good[1]]));
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ events: 2, unreadableEvents: 2 });
    await waitForDrain();
    expect((await storedAlmEvents(webhook.programId)).map((r) => r.publisher_event_id).sort()).toEqual(good.map((e) => e.eventId).sort());
    const letters = (await eventually(async () => {
      const open = await openDeadLetters(webhook.programId);
      return open.length === 2 ? open : null;
    }, 30_000, 'two dead letters'))!;
    const reasons = letters.map((l) => l.reason).join(' | ');
    expect(reasons).toMatch(/events\[1\]\.eventId/);
    expect(reasons).toMatch(/events\[2\]\.data\.userId/);
    // each letter is a one-event delivery of the same account, so it can be replayed after a fix
    for (const letter of letters) {
      const detail = await api().get(`/admin/dead-letters/${letter.id}`).set(asAdmin()).expect(200);
      const kept = JSON.parse(detail.body.payload);
      expect(kept.accountId).toBe(1234);
      expect(kept.events).toHaveLength(1);
    }
  });
});
