import { isTimestamp, parseTimestamp, toUtcTimestamp } from './timestamp.format.js';

describe('ISO 8601 timestamps (Data 4.5, XAPI-00123)', () => {
  it.each([
    '2013-05-18T05:32:34.804Z',
    '2015-11-18T12:17:00+00:00',
    '2021-05-19T00:00:00+0200',
    '2008-09-15T15:53:00.601+05',
    '20130518T053234.804Z',
    '2013-05-18T05:32:34.804123Z',
    '2013-05-18T05:32Z',
    '2013-05-18T05:32:34',
  ])('accepts the ISO 8601 extended or basic timestamp %s', (value) => {
    expect(isTimestamp(value)).toBe(true);
  });

  it('accepts a lower-case zone letter, as the imc partner seed sends it', () => {
    expect(toUtcTimestamp('2020-01-11T10:30:45.154z')).toBe('2020-01-11T10:30:45.154Z');
  });

  it.each([
    ['should fail', 'free text'],
    ['01/011/2015', 'a non-ISO date'],
    ['2008-09-15T15:53:00.601-00', 'the unknown-offset form -00'],
    ['2008-09-15T15:53:00.601-0000', 'the unknown-offset form -0000'],
    ['2008-09-15T15:53:00.601-00:00', 'the unknown-offset form -00:00'],
    ['2020-02-30T00:00:00Z', 'a day that does not exist'],
    ['2020-01-01T24:00:00Z', 'hour 24'],
    ['2020-12-31', 'a date without time'],
    ['2020-01-01T10:00:00+25:00', 'an offset beyond 23 hours'],
  ])('rejects %s (%s)', (value) => {
    expect(isTimestamp(value)).toBe(false);
  });

  it('converts an offset to UTC with millisecond precision (Data 4.5.s1.b6-b7)', () => {
    expect(parseTimestamp('2021-05-19T02:30:00.1234+0200')).toEqual({
      epochMs: Date.UTC(2021, 4, 19, 0, 30, 0, 123),
      utc: '2021-05-19T00:30:00.123Z',
      hasZone: true,
    });
  });

  it('reads a timestamp without zone as UTC and says so', () => {
    expect(parseTimestamp('2013-05-18T05:32:34')).toMatchObject({ utc: '2013-05-18T05:32:34.000Z', hasZone: false });
  });
});
