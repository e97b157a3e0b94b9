import { ALM_MAX_NESTING_DEPTH, parseAlmDelivery } from './parse-alm-delivery.js';
import type { AlmDelivery } from './alm-delivery.types.js';

const event = (overrides: Record<string, unknown> = {}) => ({
  eventId: 'e-1',
  eventName: 'COURSE_ENROLLMENT',
  timestamp: 1725524713,
  eventInfo: '1725524713000-040366-10488-0',
  data: { userId: 42, loId: 'course:1', loInstanceId: 'course:1_2', loType: 'course', dateEnrolled: 1725524700 },
  ...overrides,
});
const body = (events: unknown[], extra: Record<string, unknown> = {}) => JSON.stringify({ accountId: 1234, events, ...extra });

function parsed(raw: string | Buffer): AlmDelivery {
  const result = parseAlmDelivery(raw);
  if (!result.ok) throw new Error(`${result.reason}: ${result.detail}`);
  return result.delivery;
}

describe('parseAlmDelivery: the envelope', () => {
  it('reads a strict body from bytes or text, with or without a BOM', () => {
    for (const raw of [body([event()]), Buffer.from(body([event()])), `\uFEFF${body([event()])}`, Buffer.from(`\uFEFF${body([event()])}`)]) {
      const delivery = parsed(raw);
      expect(delivery).toMatchObject({ accountId: '1234', accountIdRaw: 1234, lenient: false, rejected: [] });
      expect(delivery.events).toHaveLength(1);
    }
  });

  it('falls back to the lenient pass only when strict JSON fails', () => {
    const delivery = parsed('{"accountId": "acc", "events": [{"eventId": "a,]", "eventName": "COURSE_UNENROLLMENT", "timestamp": 1, "data": {"userId": 1,},},],}');
    expect(delivery.lenient).toBe(true);
    expect(delivery.warnings[0]).toMatch(/leniently/);
    expect(delivery.events[0].eventId).toBe('a,]');
  });

  it.each([
    ['', 'empty_body', undefined],
    ['   \n', 'empty_body', undefined],
    ['{"accountId": 1, "events": [', 'not_json', undefined],
    ['not json at all', 'not_json', undefined],
    ['{"a":1,,}', 'not_json', undefined],
    ['[]', 'not_an_object', undefined],
    ['"text"', 'not_an_object', undefined],
    ['null', 'not_an_object', undefined],
    ['{"events": []}', 'missing_field', 'accountId'],
    ['{"accountId": "  ", "events": []}', 'missing_field', 'accountId'],
    ['{"accountId": {"id": 1}, "events": []}', 'invalid_field', 'accountId'],
    ['{"accountId": 18014398509481985, "events": []}', 'invalid_field', 'accountId'],
    ['{"accountId": 1}', 'missing_field', 'events'],
    ['{"accountId": 1, "events": {"eventId": "x"}}', 'invalid_field', 'events'],
    ['{"accountId": 1, "events": "[]"}', 'invalid_field', 'events'],
  ])('refuses %j as %s', (raw, reason, field) => {
    const result = parseAlmDelivery(raw);
    expect(result).toMatchObject({ ok: false, reason });
    if (!result.ok) {
      expect(result.field).toBe(field);
      expect(result.detail).toEqual(expect.any(String));
    }
  });

  it('refuses hostile nesting before parsing it', () => {
    const deep = `{"accountId":1,"events":[{"eventId":"x","eventName":"X","timestamp":1,"data":${'['.repeat(100_000)}${']'.repeat(100_000)}}]}`;
    expect(parseAlmDelivery(deep)).toMatchObject({ ok: false, reason: 'too_deep' });
    const justInside = `{"accountId":1,"events":[{"eventId":"x","eventName":"X","timestamp":1,"data":{"n":${'['.repeat(ALM_MAX_NESTING_DEPTH - 4)}${']'.repeat(ALM_MAX_NESTING_DEPTH - 4)}}}]}`;
    expect(parseAlmDelivery(justInside)).toMatchObject({ ok: true });
  });

  it('accepts an empty events array (a test delivery has nothing to store)', () => {
    expect(parsed(body([])).events).toEqual([]);
  });
});

describe('parseAlmDelivery: prototype pollution', () => {
  it('removes __proto__, constructor and prototype keys wherever they appear and says so', () => {
    const raw = `{"accountId":1,"__proto__":{"polluted":1},"events":[{"eventId":"x","eventName":"COURSE_ENROLLMENT","timestamp":1725524713,
      "constructor":{"prototype":{"polluted":1}},"data":{"userId":1,"__proto__":{"isAdmin":true},"loId":"course:1"}}]}`;
    const delivery = parsed(raw);
    const [e] = delivery.events;
    expect(Object.keys(e.original)).not.toContain('constructor');
    expect(Object.keys(e.original.data as object)).not.toContain('__proto__');
    expect(Object.getPrototypeOf(e.original.data)).toBe(Object.prototype);
    expect((e.original.data as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(delivery.warnings).toEqual([
      'removed key $.__proto__',
      'removed key $.events[0].constructor',
      'removed key $.events[0].data.__proto__',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('treats an event named __proto__ or constructor as an unknown name, stored like any other', () => {
    const delivery = parsed(body([event({ eventName: '__proto__', eventId: 'p' }), event({ eventName: 'constructor', eventId: 'c' })]));
    expect(delivery.events.map((e) => [e.eventName, e.definition])).toEqual([['__proto__', null], ['constructor', null]]);
  });
});

describe('parseAlmDelivery: single events', () => {
  it('keeps the good events of a delivery and hands back each bad one with its reason and content', () => {
    const bad = { eventName: 'COURSE_ENROLLMENT', timestamp: 1, data: { userId: 1 } };
    const delivery = parsed(body([event({ eventId: 'ok-1' }), bad, 'not an object', event({ eventId: 'ok-2' })]));
    expect(delivery.events.map((e) => [e.index, e.eventId])).toEqual([[0, 'ok-1'], [3, 'ok-2']]);
    expect(delivery.rejected).toEqual([
      { index: 1, reason: 'missing_field', field: 'events[1].eventId', detail: expect.any(String), event: bad },
      { index: 2, reason: 'not_an_object', field: 'events[2]', detail: expect.any(String), event: 'not an object' },
    ]);
  });

  it.each([
    [{ eventId: '' }, 'missing_field', 'events[0].eventId'],
    [{ eventId: { id: 1 } }, 'invalid_field', 'events[0].eventId'],
    [{ eventId: 2 ** 60 }, 'invalid_field', 'events[0].eventId'],
    [{ eventId: 'x'.repeat(201) }, 'too_long', 'events[0].eventId'],
    [{ eventName: undefined }, 'missing_field', 'events[0].eventName'],
    [{ eventName: '  ' }, 'missing_field', 'events[0].eventName'],
    [{ eventName: 7 }, 'invalid_field', 'events[0].eventName'],
    [{ eventName: 'X'.repeat(51) }, 'too_long', 'events[0].eventName'],
    [{ data: { loId: 'course:1' } }, 'missing_field', 'events[0].data.userId'],
    [{ data: { userId: 'u'.repeat(201) } }, 'too_long', 'events[0].data.userId'],
    [{ data: { userId: 1, loInstanceId: ['course:1_2'] } }, 'invalid_field', 'events[0].data.loInstanceId'],
    [{ timestamp: undefined, data: { userId: 1 } }, 'missing_field', 'events[0].timestamp'],
    [{ timestamp: 'soon', data: { userId: 1, dateEnrolled: 'never' } }, 'invalid_field', 'events[0].timestamp'],
    [{ eventName: 'LEARNING_OBJECT_DRAFT', data: { loType: 'course' } }, 'missing_field', 'events[0].data.loId'],
    [{ eventName: 'CI_STATS', data: { loId: 'course:1', seatLimit: 3 } }, 'missing_field', 'events[0].data.loInstanceId'],
  ])('rejects an event with %j: %s at %s', (overrides, reason, field) => {
    const delivery = parsed(body([event(overrides)]));
    expect(delivery.events).toEqual([]);
    expect(delivery.rejected).toMatchObject([{ index: 0, reason, field }]);
  });

  it('accepts numeric event ids and trims names and ids', () => {
    const [e] = parsed(body([event({ eventId: 98765, eventName: ' COURSE_ENROLLMENT ' })])).events;
    expect([e.eventId, e.eventName, e.definition?.kind]).toEqual(['98765', 'COURSE_ENROLLMENT', 'enrollment']);
  });

  it('tolerates missing optional fields', () => {
    const minimal = { eventId: 'm', eventName: 'COURSE_UNENROLLMENT', timestamp: '2024-11-08T03:49:52Z', data: { userId: 5 } };
    const [e] = parsed(body([minimal])).events;
    expect(e).toMatchObject({ eventInfo: null, participantId: '5', startUtc: '2024-11-08T03:49:52.000Z', startSource: 'timestamp' });
    expect(e.facts).toMatchObject({ loId: null, loInstanceId: null, loType: null, enrollmentSource: null, hasPassed: null });
  });

  it('takes the data date for EventStart, falls back to timestamp when it is unreadable, and says so', () => {
    const [withDate] = parsed(body([event()])).events;
    expect(withDate).toMatchObject({ startUtc: '2024-09-05T08:25:00.000Z', startSource: 'data.dateEnrolled', timestampUtc: '2024-09-05T08:25:13.000Z' });
    const delivery = parsed(body([event({ data: { userId: 1, dateEnrolled: 'n/a' } })]));
    expect(delivery.events[0]).toMatchObject({ startUtc: '2024-09-05T08:25:13.000Z', startSource: 'timestamp' });
    expect(delivery.warnings).toEqual(['events[0].data.dateEnrolled is not a readable time; timestamp used']);
  });

  it('keeps unknown event names with default participant and time', () => {
    const delivery = parsed(body([
      event({ eventName: 'LEARNING_PATH_COMPLETION_ROLLBACK', eventId: 'u1', data: { userId: 9, loId: 'learningProgram:1', dateCompleted: 1 } }),
      event({ eventName: 'BADGE_AWARDED', eventId: 'u2', data: { loId: 'learning_program:3' } }),
      event({ eventName: 'SKILL_CHANGED', eventId: 'u3', data: { loInstanceId: 'course:4_5' } }),
      event({ eventName: 'ACCOUNT_THING', eventId: 'u4', data: 'not an object' }),
      { eventId: 'u5', eventName: 'NO_TIMESTAMP', data: { dateStarted: '2024-01-02T03:04:05Z' } },
    ]));
    expect(delivery.rejected).toEqual([]);
    expect(delivery.events.map((e) => [e.definition, e.participantId, e.participantSource, e.startSource])).toEqual([
      [null, '9', 'data.userId', 'timestamp'],
      [null, 'learningProgram:3', 'data.loId', 'timestamp'],
      [null, 'course:4', 'data.loId', 'timestamp'], // the instance's learning object
      [null, '1234', 'accountId', 'timestamp'],
      [null, '1234', 'accountId', 'data.dateStarted'],
    ]);
    expect(delivery.warnings).toContain('events[3].data is not an object; read as empty');
  });

  it('reads typed facts from strings as well as numbers and booleans', () => {
    const [e] = parsed(body([event({
      eventName: 'CI_STATS',
      data: { loInstanceId: 'course:1_2', enrollmentCount: '10', waitlistCount: 0, seatLimit: 30, waitListLimit: 5, seatAvailability: 20 },
    })])).events;
    expect(e.facts).toMatchObject({ loId: 'course:1', loType: 'course', enrollmentCount: 10, waitlistCount: 0, seatLimit: 30, waitlistLimit: 5, seatAvailability: 20 });
    const [c] = parsed(body([event({ eventName: 'COURSE_COMPLETED', data: { userId: 1, hasPassed: 'false', progressPercent: 'lots' } })])).events;
    expect(c.facts).toMatchObject({ hasPassed: false, progressPercent: null });
  });
});
