import { EPOCH_MILLIS_THRESHOLD, toUtcIso } from './alm-timestamp.js';

describe('toUtcIso', () => {
  it('reads the three styles the ALM pages show as the same instant', () => {
    expect(toUtcIso('2024-09-05T08:25:13.000Z')).toBe('2024-09-05T08:25:13.000Z');
    expect(toUtcIso(1725524713)).toBe('2024-09-05T08:25:13.000Z');
    expect(toUtcIso(1725524713000)).toBe('2024-09-05T08:25:13.000Z');
  });

  it('reads digit-only strings as epoch values', () => {
    expect(toUtcIso('1725524713')).toBe('2024-09-05T08:25:13.000Z');
    expect(toUtcIso(' 1725524713000 ')).toBe('2024-09-05T08:25:13.000Z');
    expect(toUtcIso('1725524713.5')).toBe('2024-09-05T08:25:13.500Z');
  });

  it('decides seconds versus milliseconds by magnitude at 1e11', () => {
    expect(EPOCH_MILLIS_THRESHOLD).toBe(1e11);
    expect(toUtcIso(EPOCH_MILLIS_THRESHOLD - 1)).toBe('5138-11-16T09:46:39.000Z');
    expect(toUtcIso(EPOCH_MILLIS_THRESHOLD)).toBe('1973-03-03T09:46:40.000Z');
  });

  it('accepts a lower-case zone letter and offsets with or without colon', () => {
    expect(toUtcIso('2020-01-11T10:30:45.154z')).toBe('2020-01-11T10:30:45.154Z');
    expect(toUtcIso('2021-05-19T00:00:00+0200')).toBe('2021-05-18T22:00:00.000Z');
    expect(toUtcIso('2021-05-19T00:00:00+02:00')).toBe('2021-05-18T22:00:00.000Z');
    expect(toUtcIso('2021-05-19T00:00:00-05')).toBe('2021-05-19T05:00:00.000Z');
    expect(toUtcIso('2021-05-19 00:00:00Z')).toBe('2021-05-19T00:00:00.000Z');
  });

  it('reads a date without time as midnight UTC and a time without zone as UTC', () => {
    expect(toUtcIso('2020-12-31')).toBe('2020-12-31T00:00:00.000Z');
    expect(toUtcIso('2020-12-31T23:59')).toBe('2020-12-31T23:59:00.000Z');
  });

  it('keeps millisecond precision and drops finer digits', () => {
    expect(toUtcIso('2024-11-08T03:49:52.123456Z')).toBe('2024-11-08T03:49:52.123Z');
    expect(toUtcIso('2024-11-08T03:49:52.1Z')).toBe('2024-11-08T03:49:52.100Z');
  });

  it('gives null for what is not a time', () => {
    for (const bad of [null, undefined, '', 'yesterday', true, {}, [], NaN, Infinity, 0, -5, '2024-02-30', '2023-02-29',
      '2024-13-01', '2024-11-08T24:00:00Z', '2024-11-08T03:60:00Z', '2024-11-08T03:49:52+25:00', '1e12', 1e300]) {
      expect(toUtcIso(bad)).toBeNull();
    }
  });

  it('returns a canonical instant as it is, and checks it as strictly as any other', () => {
    for (const text of ['2024-11-08T03:49:52.000Z', '2024-02-29T23:59:59.999Z', '0001-01-01T00:00:00.000Z', '9999-12-31T23:59:59.999Z']) {
      expect(toUtcIso(text)).toBe(text);
      expect(toUtcIso(text)).toBe(new Date(text).toISOString());
    }
    for (const bad of ['2023-02-29T00:00:00.000Z', '2024-04-31T00:00:00.000Z', '2024-00-10T00:00:00.000Z', '2024-11-08T24:00:00.000Z', '2024-11-08T03:60:00.000Z', '2024-11-08T03:49:60.000Z']) {
      expect(toUtcIso(bad)).toBeNull();
    }
  });

  it('accepts leap days and Date objects', () => {
    expect(toUtcIso('2024-02-29')).toBe('2024-02-29T00:00:00.000Z');
    expect(toUtcIso(new Date('2024-02-29T01:02:03Z'))).toBe('2024-02-29T01:02:03.000Z');
  });
});
