import { canonicalEvent } from './fixtures/canonical-event.fixture.js';
import { mapLbEvent } from './map-lb-event.js';

function lb(eventType: string, overrides: Record<string, unknown> = {}) {
  return canonicalEvent({
    PublisherSystemId: 'LB',
    EventType: eventType,
    EventId: 'PRG-1',
    PublisherProgramId: 'PRG',
    PublisherEventId: 'AI:1234',
    PublisherParticipantId: 'joebob@example.com',
    EventStartUtc: '2024-03-01T10:00:00Z',
    ...overrides,
  });
}

describe('mapLbEvent', () => {
  it.each([
    ['AI_STARTED', { kind: 'start' }],
    ['LPI_STARTED', { kind: 'start' }],
    ['AI_COMP_SUCCESS', { kind: 'complete', outcome: 'passed' }],
    ['LPI_COMP_SUCCESS', { kind: 'complete', outcome: 'passed' }],
    ['AI_COMP_UNSUCCESS', { kind: 'complete', outcome: 'failed' }],
    ['LPI_COMP_UNSUCCESS', { kind: 'complete', outcome: 'failed' }],
    ['AI_REOPENED', { kind: 'reopen' }],
    ['LPI_REOPENED', { kind: 'reopen' }],
  ])('maps %s', (eventType, action) => {
    expect(mapLbEvent(lb(eventType))).toEqual([
      {
        PublisherSystemId: 'LB',
        PublisherProgramId: 'PRG',
        PublisherParticipantId: 'joebob@example.com',
        LearningObjectId: 'AI:1234',
        Action: action,
        SourceStatus: eventType,
        SourceUtc: '2024-03-01T10:00:00.000Z',
        EventId: 'PRG-1',
        FactIndex: 0,
      },
    ]);
  });

  it('uses the entity-scoped PublisherEventId as the learning object, so all events of AI:1234 meet in one record', () => {
    const facts = ['AI_STARTED', 'AI_COMP_SUCCESS', 'AI_REOPENED'].flatMap((type) => mapLbEvent(lb(type)));
    expect(new Set(facts.map((f) => f.LearningObjectId))).toEqual(new Set(['AI:1234']));
  });

  it('ignores event types that do not concern a learner record', () => {
    expect(mapLbEvent(lb('CREDENTIAL_ISSUED'))).toEqual([]);
  });

  it('yields nothing without a participant or an entity', () => {
    expect(mapLbEvent(lb('AI_STARTED', { PublisherParticipantId: ' ' }))).toEqual([]);
    expect(mapLbEvent(lb('AI_STARTED', { PublisherEventId: '' }))).toEqual([]);
  });
});
