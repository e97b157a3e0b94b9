import type { CanonicalEvent } from '@hub/event-store';
import { canonicalEvent } from './fixtures/canonical-event.fixture.js';
import { XAPI_COMPLETED_STATEMENT } from './fixtures/xapi-statement-samples.js';
import { xapiVoidingEvent } from './fixtures/xapi-voiding.fixture.js';
import { mapXapiEvent, XAPI_VOIDED_EVENT_FIELD, XAPI_VOIDED_ON_ARRIVAL_FIELD } from './map-xapi-event.js';

const ADL = 'http://adlnet.gov/expapi/verbs/';

function xapi(statement: Record<string, unknown>): CanonicalEvent {
  return canonicalEvent({
    PublisherSystemId: 'XAPI',
    EventType: 'completed',
    EventId: 'X-1',
    PublisherProgramId: 'X',
    PublisherParticipantId: 'mailto:max.mustermann@somedomain.com',
    PublisherEventData: statement,
    EventStartUtc: '2020-01-11T10:30:45.154Z',
  });
}

function withVerb(verb: string, result?: Record<string, unknown>): CanonicalEvent {
  return xapi({ ...XAPI_COMPLETED_STATEMENT, verb: { id: `${ADL}${verb}` }, result });
}

describe('mapXapiEvent', () => {
  it('maps the imc partner sample: completed without success is a completion with unknown outcome', () => {
    expect(mapXapiEvent(xapi(XAPI_COMPLETED_STATEMENT))).toEqual([
      {
        PublisherSystemId: 'XAPI',
        PublisherProgramId: 'X',
        PublisherParticipantId: 'mailto:max.mustermann@somedomain.com',
        LearningObjectId: 'urn:partnernamespace:objecttype:objectid',
        Action: { kind: 'complete', outcome: 'unknown' },
        SourceStatus: 'http://adlnet.gov/expapi/verbs/completed',
        SourceUtc: '2020-01-11T10:30:45.154Z',
        EventId: 'X-1',
        FactIndex: 0,
      },
    ]);
  });

  it('reads result.success for the outcome of completed', () => {
    expect(mapXapiEvent(withVerb('completed', { success: true }))[0]?.Action).toEqual({ kind: 'complete', outcome: 'passed' });
    expect(mapXapiEvent(withVerb('completed', { success: false }))[0]?.Action).toEqual({ kind: 'complete', outcome: 'failed' });
  });

  it.each([
    ['passed', { kind: 'complete', outcome: 'passed' }],
    ['failed', { kind: 'complete', outcome: 'failed' }],
    ['registered', { kind: 'enrol' }],
    ['launched', { kind: 'start' }],
    ['initialized', { kind: 'start' }],
    ['attempted', { kind: 'start' }],
    ['progressed', { kind: 'start' }],
  ])('maps the ADL verb %s', (verb, action) => {
    expect(mapXapiEvent(withVerb(verb))[0]?.Action).toEqual(action);
  });

  it('takes progress from the cmi5 progress extension', () => {
    const event = withVerb('progressed', { extensions: { 'https://w3id.org/xapi/cmi5/result/extensions/progress': 40 } });
    expect(mapXapiEvent(event)[0]?.Action).toEqual({ kind: 'progress', percent: 40 });
  });

  it('ignores other verbs, statements about non-activities and statements without a verb', () => {
    expect(mapXapiEvent(withVerb('experienced'))).toEqual([]);
    expect(mapXapiEvent(withVerb('voided'))).toEqual([]);
    expect(mapXapiEvent(xapi({ ...XAPI_COMPLETED_STATEMENT, object: { objectType: 'StatementRef', id: 'abc' } }))).toEqual([]);
    expect(mapXapiEvent(xapi({ ...XAPI_COMPLETED_STATEMENT, verb: undefined }))).toEqual([]);
    expect(mapXapiEvent({ ...xapi(XAPI_COMPLETED_STATEMENT), PublisherParticipantId: '' })).toEqual([]);
  });

  it('treats an object without objectType as an activity, as xAPI does', () => {
    const event = xapi({ ...XAPI_COMPLETED_STATEMENT, object: { id: 'https://example.com/course/1' } });
    expect(mapXapiEvent(event)[0]?.LearningObjectId).toBe('https://example.com/course/1');
  });

  describe('a voiding Statement', () => {
    const completed = xapi(XAPI_COMPLETED_STATEMENT);
    const voiding = xapiVoidingEvent(completed, 'X-2', '2020-02-01T00:00:00.000Z');

    it("voids the facts of the Statement it voids, in that Statement's record although an administrator sent it", () => {
      expect(mapXapiEvent(voiding)).toEqual([
        {
          PublisherSystemId: 'XAPI',
          PublisherProgramId: 'X',
          PublisherParticipantId: 'mailto:max.mustermann@somedomain.com',
          LearningObjectId: 'urn:partnernamespace:objecttype:objectid',
          Action: { kind: 'void', voidedEventId: 'X-1' },
          SourceStatus: `${ADL}voided`,
          SourceUtc: '2020-02-01T00:00:00.000Z',
          EventId: 'X-2',
          FactIndex: 0,
        },
      ]);
    });

    it('gives nothing when the LRS did not know the voided Statement, or that Statement gave no facts', () => {
      const data = voiding.PublisherEventData as Record<string, unknown>;
      const { [XAPI_VOIDED_EVENT_FIELD]: _, ...bare } = data;
      expect(mapXapiEvent({ ...voiding, PublisherEventData: bare })).toEqual([]);
      expect(mapXapiEvent(xapiVoidingEvent(withVerb('experienced'), 'X-3', '2020-02-01T00:00:00.000Z'))).toEqual([]);
      expect(mapXapiEvent({ ...voiding, PublisherEventData: { ...data, [XAPI_VOIDED_EVENT_FIELD]: { EventId: 'X-1' } } })).toEqual([]);
    });

    it('gives nothing for a Statement the LRS stored as voided because its voiding Statement came first', () => {
      expect(mapXapiEvent(xapi({ ...XAPI_COMPLETED_STATEMENT, [XAPI_VOIDED_ON_ARRIVAL_FIELD]: true }))).toEqual([]);
    });
  });
});
