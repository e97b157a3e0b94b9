import { eventIdFor } from '@hub/event-store';
import { canonicalBodyHash } from '../messages/canonical-json.js';
import { IMC_SEED_SAMPLES, imcSeedSampleJson, readImcSeedSample } from '../messages/fixtures/imc-seed-samples.js';
import type { JsonObject } from '../messages/json-value.js';
import { checkImcMessage, normalizeImcMessage } from './imc-message.normalizer.js';

const programId = 'IMC-PROG';
const options = { programId };

function normalizeOk(topic: string, body: unknown) {
  const result = normalizeImcMessage({ topic, body }, options);
  if (!result.ok) throw new Error(`${result.reason.code}: ${result.reason.detail}`);
  return result;
}

describe('normalizeImcMessage on every seed sample', () => {
  const expectations = {
    'login-success': {
      EventType: 'LOGIN_SUCCEEDED',
      PublisherParticipantId: '2',
      PublisherEventId: 'login:2:1603666208487',
      PublisherEventCategory: { value: 'de.imc.ils_login', label: 'Login Events' },
      EventStartUtc: '2020-10-25T22:50:08.487Z',
    },
    'login-failed': {
      EventType: 'LOGIN_FAILED',
      PublisherParticipantId: '2',
      PublisherEventId: 'login:2:1603666208487',
      PublisherEventCategory: { value: 'de.imc.ils_login', label: 'Login Events' },
      EventStartUtc: '2020-10-25T22:50:08.487Z',
    },
    'course-change': {
      EventType: 'COURSE_CHANGED',
      PublisherParticipantId: 'ce77b12d-4119-3390-92e6-000000001517',
      PublisherEventId: 'course-change:517282:1603666208487',
      PublisherEventCategory: { value: 'de.imc.ils_course-changes', label: 'Course Events - Course Changes' },
      EventStartUtc: '2020-10-25T22:50:08.487Z',
    },
    'registration-change': {
      EventType: 'REGISTRATION_CHANGED',
      PublisherParticipantId: 'ce77b12d-fa54-3353-8e4d-000000000213',
      PublisherEventId: 'registration-change:ce77b12d-fa54-3353-8e4d-000000000213:555792:1603698662089',
      PublisherEventCategory: { value: 'de.imc.ils_registrations', label: 'Registration Events' },
      EventStartUtc: '2020-10-26T07:51:02.089Z',
    },
    'recert-due-date-change': {
      EventType: 'RECERT_DUE_DATE_CHANGED',
      PublisherParticipantId: 'ce77b12d-fa54-3353-8e4d-000000000213',
      PublisherEventId: 'recert-due-date-change:ce77b12d-fa54-3353-8e4d-000000000213:555792:1603698662089',
      PublisherEventCategory: { value: 'de.imc.ils_recert-due-date-changes', label: 'Recertification Due Date Events' },
      EventStartUtc: '2020-10-26T07:51:02.089Z',
    },
  } as const;

  it.each(IMC_SEED_SAMPLES.map((s) => [s.name, s.topic] as const))('%s on %s', (name, topic) => {
    const json = imcSeedSampleJson(name);
    const result = normalizeOk(topic, readImcSeedSample(name));
    const expected = expectations[name];
    expect(result.events).toEqual([
      {
        EventId: eventIdFor('IMC', programId, [canonicalBodyHash(json as JsonObject)]),
        PublisherProgramId: programId,
        PublisherSystemId: 'IMC',
        ...expected,
        PublisherEventData: json,
        EventEndUtc: expected.EventStartUtc,
      },
    ]);
    expect(result.events[0].EventId).toMatch(/^IMC-PROG-[0-9a-f-]{36}$/);
    expect(result.message.kind).toBeDefined();
  });

  it('stores the body exactly as received, adding nothing (not even the topic)', () => {
    const { events } = normalizeOk('de.imc.ils_completions', readImcSeedSample('registration-change'));
    expect(events[0].PublisherEventData).toEqual(imcSeedSampleJson('registration-change'));
    expect(JSON.stringify(events[0].PublisherEventData)).not.toContain('ils_completions');
  });
});

describe('idempotency', () => {
  const text = readImcSeedSample('registration-change');
  const json = imcSeedSampleJson('registration-change');

  it('gives the same registration change the same EventId on _registrations, _completions and _cancellations', () => {
    const ids = ['de.imc.ils_registrations', 'de.imc.ils_completions', 'de.imc.ils_cancellations'].map(
      (topic) => normalizeOk(topic, text).events[0],
    );
    expect(new Set(ids.map((e) => e.EventId)).size).toBe(1);
    expect(new Set(ids.map((e) => JSON.stringify(e))).size).toBe(1); // the whole event, category included
  });

  it('gives the same EventId whatever the body encoding, key order or whitespace', () => {
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(json).reverse()));
    const bodies: unknown[] = [
      text,
      JSON.stringify(json),
      reordered,
      json,
      Buffer.from(reordered),
      { typecode: 0x75, content: Buffer.from(text) },
    ];
    const ids = bodies.map((body) => normalizeOk('de.imc.ils_registrations', body).events[0].EventId);
    expect(new Set(ids).size).toBe(1);
  });

  it('gives a different EventId when the body differs, e.g. the next status change', () => {
    const next = normalizeOk('de.imc.ils_registrations', { ...json, status: 'BOOKED', 'initial-status': 'CANCELLED' });
    expect(next.events[0].EventId).not.toBe(normalizeOk('de.imc.ils_registrations', text).events[0].EventId);
  });

  it('keeps one copy per program', () => {
    const a = normalizeImcMessage({ topic: 'de.imc.ils_registrations', body: text }, { programId: 'A' });
    const b = normalizeImcMessage({ topic: 'de.imc.ils_registrations', body: text }, { programId: 'B' });
    expect(a.ok && b.ok && a.events[0].EventId.slice(2) !== b.events[0].EventId.slice(2)).toBe(true);
  });

  it('exposes the hash it keyed on', () => {
    expect(normalizeOk('de.imc.ils_registrations', text).bodyHash).toBe(canonicalBodyHash(json as JsonObject));
  });
});

describe('normalizeImcMessage failures', () => {
  const login = imcSeedSampleJson('login-success');

  it.each<[string, string, unknown, string, string | undefined, string?]>([
    ['the damaged seed text as printed', 'de.imc.ils_login', '"login":"imc_super",\n"identifier":2\n}', 'invalid_json', undefined],
    ['an unknown topic', 'de.imc.other', JSON.stringify(login), 'unknown_topic', 'topic'],
    ['a missing field', 'de.imc.ils_login', { ...login, result: undefined }, 'missing_field', 'result'],
    ['a participant id over 200 characters', 'de.imc.ils_login', { ...login, 'external-id': 'x'.repeat(201) }, 'field_too_long', 'PublisherParticipantId'],
    ['a publisher event id over 200 characters', 'de.imc.ils_registrations', { ...imcSeedSampleJson('registration-change'), 'course-object-id': 'c'.repeat(150) }, 'field_too_long', 'PublisherEventId'],
    ['an empty program', 'de.imc.ils_login', login, 'invalid_program', 'PublisherProgramId', ''],
    ['a program id over 25 characters', 'de.imc.ils_login', login, 'invalid_program', 'PublisherProgramId', 'P'.repeat(26)],
  ])('%s', (_name, topic, body, code, field, program = programId) => {
    const result = normalizeImcMessage({ topic, body }, { programId: program });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason.code).toBe(code);
      expect(result.reason.field).toBe(field);
    }
    // The consumer's check refuses it with the same reason, so what it lets through the worker can store.
    expect(checkImcMessage({ topic, body }, { programId: program })).toEqual(result);
  });

  it('lets through, in the consumer check, every seed sample normalizeImcMessage turns into an event', () => {
    for (const { name, topic } of IMC_SEED_SAMPLES) {
      const inbound = { topic, body: readImcSeedSample(name) };
      expect({ name, ok: checkImcMessage(inbound, { programId }).ok }).toEqual({ name, ok: normalizeImcMessage(inbound, { programId }).ok });
    }
  });
});
