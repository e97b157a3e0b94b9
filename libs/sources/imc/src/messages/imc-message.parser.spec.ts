import { imcSeedSampleJson } from './fixtures/imc-seed-samples.js';
import { parseImcMessage } from './imc-message.parser.js';
import type { JsonObject } from './json-value.js';

const sample = (name: Parameters<typeof imcSeedSampleJson>[0]) => imcSeedSampleJson(name) as JsonObject;

describe('parseImcMessage on the seed samples', () => {
  it('parses the successful login (2.1)', () => {
    expect(parseImcMessage('de.imc.ils_login', sample('login-success'))).toEqual({
      ok: true,
      message: {
        kind: 'login',
        participantId: '2',
        userId: '2',
        userExternalId: null,
        login: 'imc_super',
        result: 'success',
        failedCount: 0,
        sentAtMs: 1603666208487,
        sentAtUtc: '2020-10-25T22:50:08.487Z',
        summary: 'Login attempt for imc_super',
      },
    });
  });

  it('parses the failed login (2.2)', () => {
    expect(parseImcMessage('de.imc.ils_login', sample('login-failed'))).toMatchObject({
      ok: true,
      message: { kind: 'login', result: 'failed', failedCount: 4 },
    });
  });

  it('parses the course change (3.1), dates with +0200 offsets into UTC', () => {
    expect(parseImcMessage('de.imc.ils_course-changes', sample('course-change'))).toEqual({
      ok: true,
      message: {
        kind: 'course-change',
        participantId: 'ce77b12d-4119-3390-92e6-000000001517',
        courseId: '517282',
        externalId: 'ce77b12d-4119-3390-92e6-000000001517',
        componentId: '517281',
        syllabusLink: 'https://achievemore.im-c.com/ilp/pages/course.jsf?courseId=517281&pollingMode=on#!/courseroom/course',
        title: 'Course Name',
        description: '<strong>Course Description</strong></br>',
        startDateUtc: '2021-05-18T22:00:00.000Z',
        endDateUtc: '2021-05-19T21:59:59.000Z',
        durationOfUse: 'M',
        learningForm: 'classroom',
        lastUpdatedUtc: '2020-10-25T22:50:08.000Z',
        lastUpdaterExternalId: null,
        lastUpdaterPersonId: '0',
        metadata: [],
        contents: [],
        catalogAssignment: [],
        sentAtMs: 1603666208487,
        sentAtUtc: '2020-10-25T22:50:08.487Z',
        summary: 'Update for course 517281 | 517282 | ce77b12d-4119-3390-92e6-000000001517',
      },
    });
  });

  it('parses the registration change (4.1): CANCELLED, date-only due date', () => {
    const result = parseImcMessage('de.imc.ils_registrations', sample('registration-change'));
    expect(result).toEqual({
      ok: true,
      message: {
        kind: 'registration-change',
        participantId: 'ce77b12d-fa54-3353-8e4d-000000000213',
        userId: '121150',
        userExternalId: 'ce77b12d-fa54-3353-8e4d-000000000213',
        courseObjectId: '555792',
        courseComponentId: '555791',
        courseExternalId: 'ce77b12d-4119-3390-92e6-0000000004ac',
        initialStatus: expect.objectContaining({ raw: 'BOOKED', code: 'BOOKED', id: 8, known: true }),
        status: expect.objectContaining({ raw: 'CANCELLED', code: 'CANCELED', id: 7, known: true }),
        dueDate: '2020-12-31',
        expirationOfQualification: '2021-12-31',
        price: 0,
        currency: 'EUR',
        ordererId: '2',
        cancellationReasonId: '1',
        sentAtMs: 1603698662089,
        sentAtUtc: '2020-10-26T07:51:02.089Z',
        summary: expect.stringContaining('and user 121150'),
      },
    });
  });

  it('parses the recertification due date change (5.1)', () => {
    expect(parseImcMessage('de.imc.ils_recert-due-date-changes', sample('recert-due-date-change'))).toEqual({
      ok: true,
      message: {
        kind: 'recert-due-date-change',
        participantId: 'ce77b12d-fa54-3353-8e4d-000000000213',
        userId: '121150',
        userExternalId: 'ce77b12d-fa54-3353-8e4d-000000000213',
        templateObjectId: '555792',
        templateComponentId: '555791',
        templateExternalId: 'ce77b12d-4119-3390-92e6-00000000004ac',
        dueDate: '2020-12-31',
        sentAtMs: 1603698662089,
        sentAtUtc: '2020-10-26T07:51:02.089Z',
        summary: 'Update for recertification 555792 | 121150 | 2020-12-31',
      },
    });
  });
});

describe('parseImcMessage variations', () => {
  const registration = (patch: JsonObject) => ({ ...sample('registration-change'), ...patch });

  it('parses a registration change read from the completions and cancellations topics', () => {
    for (const topic of ['de.imc.ils_completions', 'de.imc.ils_cancellations']) {
      expect(parseImcMessage(topic, registration({ status: 'PASSED' }))).toMatchObject({
        ok: true,
        message: { kind: 'registration-change', status: { code: 'PASSED', learnerStatus: 'COMPLETED' } },
      });
    }
  });

  it('reads a timestamp in seconds as the same instant as in milliseconds', () => {
    const result = parseImcMessage('de.imc.ils_registrations', registration({ timestamp: 1603698662 }));
    expect(result).toMatchObject({ ok: true, message: { sentAtMs: 1603698662000, sentAtUtc: '2020-10-26T07:51:02.000Z' } });
  });

  it('keeps an unknown status', () => {
    expect(parseImcMessage('de.imc.ils_registrations', registration({ status: 'ON_HOLD' }))).toMatchObject({
      ok: true,
      message: { status: { raw: 'ON_HOLD', known: false, learnerStatus: null } },
    });
  });

  it('falls back to identifier when external-id is empty or missing', () => {
    expect(parseImcMessage('de.imc.ils_registrations', registration({ 'external-id': '' }))).toMatchObject({
      ok: true,
      message: { participantId: '121150', userExternalId: null },
    });
    const { 'external-id': _dropped, ...withoutExternal } = sample('registration-change');
    expect(parseImcMessage('de.imc.ils_registrations', withoutExternal)).toMatchObject({ ok: true, message: { participantId: '121150' } });
  });

  it('uses external-id for a login when imc sends one', () => {
    const login = { ...sample('login-success'), 'external-id': 'u-ext-2' };
    expect(parseImcMessage('de.imc.ils_login', login)).toMatchObject({ ok: true, message: { participantId: 'u-ext-2', userId: '2' } });
  });

  it('uses object-id as the course participant when a course has no external id', () => {
    expect(parseImcMessage('de.imc.ils_course-changes', { ...sample('course-change'), 'external-id': '' })).toMatchObject({
      ok: true,
      message: { participantId: '517282', courseId: '517282' },
    });
  });

  it('keeps a cleared recertification due date as null', () => {
    for (const cleared of [null, '']) {
      expect(
        parseImcMessage('de.imc.ils_recert-due-date-changes', { ...sample('recert-due-date-change'), 'due-date': cleared }),
      ).toMatchObject({ ok: true, message: { dueDate: null } });
    }
  });

  it('accepts numbers sent as strings and ids sent as strings', () => {
    expect(
      parseImcMessage('de.imc.ils_registrations', registration({ price: '12.50', 'course-object-id': '555792', identifier: '121150' })),
    ).toMatchObject({ ok: true, message: { price: 12.5, courseObjectId: '555792', userId: '121150' } });
  });
});

describe('parseImcMessage failures name the field', () => {
  const without = (name: Parameters<typeof sample>[0], field: string) => {
    const copy = { ...sample(name) };
    delete copy[field];
    return copy;
  };

  it.each<[string, string, JsonObject, string, string]>([
    ['unknown topic', 'de.imc.ils_logins', sample('login-success'), 'unknown_topic', 'topic'],
    ['login without result', 'de.imc.ils_login', without('login-success', 'result'), 'missing_field', 'result'],
    ['login with another result', 'de.imc.ils_login', { ...sample('login-success'), result: 'locked' }, 'invalid_field', 'result'],
    ['login without any user id', 'de.imc.ils_login', without('login-success', 'identifier'), 'missing_field', 'identifier'],
    ['login with a negative failedCount', 'de.imc.ils_login', { ...sample('login-success'), failedCount: -1 }, 'invalid_field', 'failedCount'],
    ['login without timestamp', 'de.imc.ils_login', without('login-success', 'timestamp'), 'missing_field', 'timestamp'],
    ['microsecond timestamp', 'de.imc.ils_login', { ...sample('login-success'), timestamp: 1603666208487000 }, 'invalid_field', 'timestamp'],
    ['course without object-id', 'de.imc.ils_course-changes', without('course-change', 'object-id'), 'missing_field', 'object-id'],
    ['course with a bad start date', 'de.imc.ils_course-changes', { ...sample('course-change'), 'start-date': '19.05.2021' }, 'invalid_field', 'start-date'],
    ['course with a numeric title', 'de.imc.ils_course-changes', { ...sample('course-change'), title: 5 }, 'invalid_field', 'title'],
    ['registration without status', 'de.imc.ils_registrations', without('registration-change', 'status'), 'missing_field', 'status'],
    ['registration without course-object-id', 'de.imc.ils_completions', without('registration-change', 'course-object-id'), 'missing_field', 'course-object-id'],
    ['registration with a bad due date', 'de.imc.ils_registrations', { ...sample('registration-change'), 'due-date': '2020-02-30' }, 'invalid_field', 'due-date'],
    ['registration with a fractional id', 'de.imc.ils_registrations', { ...sample('registration-change'), identifier: 1.5, 'external-id': null }, 'invalid_field', 'identifier'],
    ['registration with a text price', 'de.imc.ils_registrations', { ...sample('registration-change'), price: 'free' }, 'invalid_field', 'price'],
    ['recert without template-object-id', 'de.imc.ils_recert-due-date-changes', without('recert-due-date-change', 'template-object-id'), 'missing_field', 'template-object-id'],
    ['a login body on the registrations topic', 'de.imc.ils_registrations', sample('login-success'), 'missing_field', 'course-object-id'],
  ])('%s', (_name, topic, json, code, field) => {
    expect(parseImcMessage(topic, json)).toEqual({ ok: false, reason: { code, field, detail: expect.any(String) } });
  });
});
