import { ALM_EVENT_NAMES } from '../../libs/sources/alm/src/events/alm-event-catalogue.js';
import { api, asAdmin, eventually, waitForDrain } from '../support/hub.js';
import { createWebhook, deliver, newSecret, readerKey, readFixture, SEED_SAMPLES, sign, storedAlmEvents } from './alm-support.js';

/**
 * Every sample payload of both ALM seed pages (user guide: ISO times; admin page: epoch seconds, and its intro
 * sample epoch milliseconds), exactly as printed — trailing commas included — through the real endpoint of a
 * signed webhook into the store, then read back through the event API.
 */
describe('ALM seed samples through POST /webhooks/alm/:id', () => {
  const secret = newSecret();
  let webhook: Awaited<ReturnType<typeof createWebhook>>;
  let reader: { Authorization: string };

  beforeAll(async () => {
    webhook = await createWebhook({ type: 'signature', secret });
    reader = await readerKey([webhook.programId]);
    for (const [fixture] of SEED_SAMPLES) {
      const body = readFixture(fixture);
      const res = await deliver(webhook, body, { 'x-alm-signature': sign(body, { secret }) });
      expect({ fixture, status: res.status }).toEqual({ fixture, status: 202 });
      expect(res.body).toEqual({ events: 1, unreadableEvents: 0 });
    }
    await waitForDrain();
  });

  it('stores one event per sample, all 27 documented names among them', async () => {
    const stored = (await eventually(async () => {
      const rows = await storedAlmEvents(webhook.programId);
      return rows.length === SEED_SAMPLES.length ? rows : null;
    }, 30_000, 'every sample stored'))!;
    const names = new Set(stored.map((r) => r.event_type));
    for (const name of ALM_EVENT_NAMES) expect(names).toContain(name);
    expect(names.size).toBe(27);
  });

  it.each(SEED_SAMPLES)('%s is stored as %s with its mapped fields', async (fixture, eventName, eventId, participant, startUtc, category) => {
    const res = await api().get(`/api/v1/events?PublisherEventId=${encodeURIComponent(eventId)}&EventType=${eventName}`).set(reader).expect(200);
    expect(res.body).toHaveLength(1);
    const [event] = res.body;
    const sent = JSON.parse(readFixture(fixture).toString('utf8').replace(/,(\s*[}\]])/g, '$1'));
    expect(event).toMatchObject({
      PublisherProgramId: webhook.programId,
      PublisherSystemId: 'ALM',
      EventType: eventName,
      PublisherEventId: eventId,
      PublisherParticipantId: participant,
      PublisherEventCategory: { value: category },
      EventStartUtc: startUtc,
      EventEndUtc: startUtc,
      // the event as ALM sent it (times in its own style), plus the delivery's account
      PublisherEventData: { ...sent.events[0], accountId: sent.accountId },
    });
    expect(event.EventId).toMatch(new RegExp(`^${webhook.programId}-[0-9a-f-]{36}$`));
  });

  it('feeds the catalogue from the learning-object, instance and CI_STATS samples', async () => {
    const seats = await api().get('/api/v1/alm/learning-objects/course:12345678').set(reader).expect(200);
    expect(seats.body.instances).toEqual(
      expect.arrayContaining([expect.objectContaining({ loInstanceId: 'course:12345678_14448475', enrollmentCount: 10, waitlistCount: 0, seatLimit: 30 })]),
    );
    const path = await api().get('/api/v1/alm/learning-objects/learning_program:123836').set(reader).expect(200);
    expect(path.body).toMatchObject({ loId: 'learningProgram:123836', loType: 'learningProgram', state: 'published', stateInferred: true });
    const deleted = await api().get('/api/v1/alm/learning-objects/course:12319716').set(reader).expect(200);
    expect(deleted.body).toMatchObject({ state: 'deleted', stateInferred: false, stateEventName: 'LEARNING_OBJECT_DELETION' });
    const draft = await api().get('/api/v1/alm/learning-objects/course:12345671').set(reader).expect(200);
    expect(draft.body.state).toBe('draft');
  });

  it('keeps no dead letter: every sample was readable', async () => {
    const letters = await api().get(`/admin/dead-letters?source=ALM&programId=${webhook.programId}`).set(asAdmin()).expect(200);
    expect(letters.body).toEqual([]);
  });
});
