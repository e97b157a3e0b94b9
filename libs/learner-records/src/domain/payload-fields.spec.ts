import { isoUtcOrNull } from './payload-fields.js';

describe('isoUtcOrNull', () => {
  it('passes canonical instants through and normalizes every other form', () => {
    expect(isoUtcOrNull('2024-03-01T14:30:00.000Z')).toBe('2024-03-01T14:30:00.000Z');
    expect(isoUtcOrNull('2024-02-29T00:00:00.000Z')).toBe('2024-02-29T00:00:00.000Z');
    expect(isoUtcOrNull('2024-03-01T16:30:00+0200')).toBe('2024-03-01T14:30:00.000Z');
    expect(isoUtcOrNull('2024-03-01T14:30:00z')).toBe('2024-03-01T14:30:00.000Z');
    expect(isoUtcOrNull(1709303400)).toBe('2024-03-01T14:30:00.000Z');
  });

  it('never takes an impossible date for a canonical one', () => {
    expect(isoUtcOrNull('2023-02-29T00:00:00.000Z')).toBe(new Date('2023-02-29T00:00:00.000Z').getTime() ? new Date('2023-02-29T00:00:00.000Z').toISOString() : null);
    expect(isoUtcOrNull('2024-04-31T00:00:00.000Z')).not.toBe('2024-04-31T00:00:00.000Z');
    expect(isoUtcOrNull('2024-13-01T00:00:00.000Z')).toBeNull();
  });
});
