import { toCanonicalLbEvent } from './lb-event.mapper.js';
import { validateLbEvents, type ValidatedLbEvent } from './validate-lb-events.js';

function validated(overrides: Record<string, unknown> = {}): ValidatedLbEvent {
  const result = validateLbEvents(
    {
      PublisherProgramId: 'NURSING',
      PublisherSystemId: 'LB',
      EventType: 'AI_COMP_SUCCESS',
      PublisherEventId: 'AI:1234',
      PublisherParticipantId: 'joebob@example.com',
      EventStartUtc: '2024-03-01T14:30:00Z',
      ...overrides,
    },
    500,
  );
  if (!result.ok) throw new Error(JSON.stringify(result.errors));
  return result.events[0];
}

describe('toCanonicalLbEvent', () => {
  it('gives the same event the same id however its time is written', () => {
    expect(toCanonicalLbEvent(validated()).EventId).toBe(toCanonicalLbEvent(validated({ EventStartUtc: '2024-03-01T16:30:00+02:00' })).EventId);
  });

  it('gives a re-completion of the same activity instance its own id', () => {
    const first = toCanonicalLbEvent(validated());
    const again = toCanonicalLbEvent(validated({ EventStartUtc: '2024-04-01T09:00:00Z' }));
    const started = toCanonicalLbEvent(validated({ EventType: 'AI_STARTED' }));
    expect(new Set([first.EventId, again.EventId, started.EventId]).size).toBe(3);
  });

  it('sets EventEndUtc to EventStartUtc for a single-instant event', () => {
    expect(toCanonicalLbEvent(validated()).EventEndUtc).toBe('2024-03-01T14:30:00.000Z');
  });
});
