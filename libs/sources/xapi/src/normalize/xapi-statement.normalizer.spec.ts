import { eventIdFor } from '@hub/event-store';
import { anonymousGroup, statement, withValue } from '../fixtures/statement-templates.fixture.js';
import type { Statement } from '../statements/statement.types.js';
import { eventTypeForVerb, normalizeStatement, participantId, statementActivityId, XapiNormalizationError } from './xapi-statement.normalizer.js';

const normalize = (value: Record<string, unknown>) => normalizeStatement(value as unknown as Statement, { programId: 'P-XAPI' });

describe('normalizeStatement: xAPI Statement -> canonical event (DESIGN.md, issue 5)', () => {
  it('maps a Statement onto the canonical fields', () => {
    const input = statement();
    expect(normalize(input)).toEqual({
      EventId: eventIdFor('XAPI', 'P-XAPI', ['fd41c918-b88b-4b20-a0a5-a4c32391aaa0']),
      PublisherProgramId: 'P-XAPI',
      PublisherSystemId: 'XAPI',
      EventType: 'attempted',
      PublisherEventId: 'fd41c918-b88b-4b20-a0a5-a4c32391aaa0',
      PublisherParticipantId: 'ada@example.com',
      PublisherEventCategory: { value: 'xapi-statement', label: 'xAPI statement' },
      PublisherEventData: input,
      EventStartUtc: '2024-03-01T09:15:00.123Z',
      EventEndUtc: '2024-03-01T09:15:00.123Z',
    });
  });

  it('keys idempotency on (XAPI, program, statement id): same id, same EventId; other program, other EventId', () => {
    const upper = withValue(statement(), 'id', 'FD41C918-B88B-4B20-A0A5-A4C32391AAA0');
    expect(normalize(upper).EventId).toBe(normalize(statement()).EventId);
    expect(normalizeStatement(statement() as unknown as Statement, { programId: 'OTHER' }).EventId).not.toBe(normalize(statement()).EventId);
  });

  it('converts the timestamp to UTC, lower-case z and offsets included', () => {
    expect(normalize(withValue(statement(), 'timestamp', '2020-01-11T10:30:45.154z')).EventStartUtc).toBe('2020-01-11T10:30:45.154Z');
    expect(normalize(withValue(statement(), 'timestamp', '2020-01-11T12:30:45+02:00')).EventStartUtc).toBe('2020-01-11T10:30:45.000Z');
  });

  it('leaves the Statement untouched in PublisherEventData', () => {
    const input = withValue(statement(), 'actor.mbox', 'mailto:Ada@Example.COM');
    expect(normalize(input).PublisherEventData).toBe(input);
  });

  it('categorises voiding Statements apart', () => {
    const voiding = withValue(withValue(statement(), 'verb', { id: 'http://adlnet.gov/expapi/verbs/voided' }), 'object', {
      objectType: 'StatementRef',
      id: 'e05aa883-acaf-40ad-bf54-02c8ce485fb0',
    });
    expect(normalize(voiding)).toMatchObject({ EventType: 'voided', PublisherEventCategory: { value: 'xapi-voiding-statement' } });
  });

  it('refuses a Statement without id or timestamp: only stored Statements are normalized', () => {
    expect(() => normalize(withValue(statement(), 'id', undefined))).toThrow(XapiNormalizationError);
    expect(() => normalize(withValue(statement(), 'timestamp', undefined))).toThrow(XapiNormalizationError);
    expect(normalize({ ...withValue(statement(), 'timestamp', undefined), stored: '2024-01-01T00:00:00Z' }).EventStartUtc).toBe('2024-01-01T00:00:00.000Z');
  });
});

describe('EventType from the verb', () => {
  it.each([
    ['http://adlnet.gov/expapi/verbs/completed', 'completed'],
    ['http://adlnet.gov/expapi/verbs/passed', 'passed'],
    ['https://w3id.org/xapi/adl/verbs/logged-in/', 'logged-in'],
    ['http://example.com/xapi/verbs#defenestrated', 'defenestrated'],
    ['http://example.com/verbs/completed?lang=en', 'completed'],
    ['urn:example:verbs:reviewed', 'reviewed'],
    ['http://example.com/verbs/%C3%BCbersprungen', 'übersprungen'],
  ])('%s -> %s', (verbId, eventType) => {
    expect(eventTypeForVerb(verbId)).toBe(eventType);
  });

  it('cuts the event type to 50 characters', () => {
    expect(eventTypeForVerb(`http://example.com/verbs/${'x'.repeat(80)}`)).toHaveLength(50);
  });
});

describe('PublisherParticipantId from the actor', () => {
  it('uses the email of mbox without "mailto:", lower-cased', () => {
    expect(participantId({ mbox: 'mailto:Max.Mustermann@SomeDomain.com' })).toBe('max.mustermann@somedomain.com');
  });

  it('falls back to account homePage|name, then openid, then mbox_sha1sum', () => {
    expect(participantId({ account: { homePage: 'https://lms.example.com', name: 'u-42' } })).toBe('https://lms.example.com|u-42');
    expect(participantId({ openid: 'https://openid.example.org/ada' })).toBe('https://openid.example.org/ada');
    expect(participantId({ mbox_sha1sum: 'cd9b00a5611f94eaa7b1661edab976068e364975' })).toBe('cd9b00a5611f94eaa7b1661edab976068e364975');
  });

  it("represents an Anonymous Group by its members' ids", () => {
    expect(participantId(anonymousGroup() as never)).toBe('ada@example.com,https://openid.example.org/bob');
  });

  it('refuses an id longer than the 200 characters of PublisherParticipantId', () => {
    expect(() => participantId({ account: { homePage: 'https://lms.example.com', name: 'x'.repeat(200) } })).toThrow(XapiNormalizationError);
  });
});

describe('statementActivityId', () => {
  it('is the object id for an Activity object and undefined otherwise', () => {
    expect(statementActivityId(statement() as unknown as Statement)).toBe('https://courses.example.com/algebra/quiz-1');
    expect(statementActivityId(withValue(statement(), 'object', { objectType: 'StatementRef', id: 'x' }) as unknown as Statement)).toBeUndefined();
  });
});
