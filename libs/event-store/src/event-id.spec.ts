import { eventIdFor } from './event-id.js';

describe('eventIdFor', () => {
  it('gives a redelivered event the same id', () => {
    expect(eventIdFor('LB', 'P1', ['AI:1', 'AI_STARTED', '2024-01-01T00:00:00.000Z'])).toBe(
      eventIdFor('LB', 'P1', ['AI:1', 'AI_STARTED', '2024-01-01T00:00:00.000Z']),
    );
  });

  it('keeps a separate copy per program', () => {
    const a = eventIdFor('ALM', 'P1', ['acct', 'COURSE_ENROLLMENT', '42']);
    const b = eventIdFor('ALM', 'P2', ['acct', 'COURSE_ENROLLMENT', '42']);
    expect(a).toMatch(/^P1-[0-9a-f-]{36}$/);
    expect(b).toMatch(/^P2-/);
    expect(a.slice(3)).not.toBe(b.slice(3));
  });

  it('cannot be confused by separators inside the parts', () => {
    expect(eventIdFor('LB', 'P', ['a|b', 'c'])).not.toBe(eventIdFor('LB', 'P', ['a', 'b|c']));
  });
});
