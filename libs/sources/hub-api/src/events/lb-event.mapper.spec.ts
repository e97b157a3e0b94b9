import { toCanonicalLbEvent, toUtcIso } from './lb-event.mapper.js';

describe('toUtcIso', () => {
  it.each([
    ['2024-03-01T14:30:00Z', '2024-03-01T14:30:00.000Z'],
    ['2024-03-01T14:30:00z', '2024-03-01T14:30:00.000Z'],
    ['2024-03-01T16:30:00+02:00', '2024-03-01T14:30:00.000Z'],
    ['2024-03-01T16:30:00+0200', '2024-03-01T14:30:00.000Z'],
    ['2024-03-01T14:30:00', '2024-03-01T14:30:00.000Z'],
    ['2024-02-29T00:00:00.123456Z', '2024-02-29T00:00:00.123Z'],
  ])('reads %s as %s', (input, expected) => {
    expect(toUtcIso(input)).toBe(expected);
  });

  it.each(['2024-02-30T10:00:00Z', '2023-02-29T00:00:00Z', '2024-13-01T00:00:00Z', '2024-03-01T24:00:00Z', 'soon'])('rejects %s', (input) => {
    expect(() => toUtcIso(input)).toThrow(RangeError);
  });
});

describe('toCanonicalLbEvent', () => {
  const base = {
    PublisherProgramId: 'NURSING',
    PublisherSystemId: 'LB' as const,
    EventType: 'AI_COMP_SUCCESS',
    PublisherEventId: 'AI:1234',
    PublisherParticipantId: 'joebob@example.com',
    EventStartUtc: '2024-03-01T14:30:00Z',
  };

  it('gives the same event the same id however its time is written', () => {
    expect(toCanonicalLbEvent(base).EventId).toBe(toCanonicalLbEvent({ ...base, EventStartUtc: '2024-03-01T16:30:00+02:00' }).EventId);
  });

  it('gives a re-completion of the same activity instance its own id', () => {
    const first = toCanonicalLbEvent(base);
    const again = toCanonicalLbEvent({ ...base, EventStartUtc: '2024-04-01T09:00:00Z' });
    const started = toCanonicalLbEvent({ ...base, EventType: 'AI_STARTED' });
    expect(new Set([first.EventId, again.EventId, started.EventId]).size).toBe(3);
  });

  it('sets EventEndUtc to EventStartUtc for a single-instant event', () => {
    expect(toCanonicalLbEvent(base).EventEndUtc).toBe('2024-03-01T14:30:00.000Z');
  });
});
