import { epochMillisFromImcTimestamp, parseImcCalendarDate, parseImcDateTime } from './imc-time.js';

describe('epochMillisFromImcTimestamp', () => {
  it('reads the samples as milliseconds (the seed text says seconds, the samples are ms)', () => {
    expect(new Date(epochMillisFromImcTimestamp(1603666208487)!).toISOString()).toBe('2020-10-25T22:50:08.487Z');
  });

  it('reads seconds as seconds, so both units give the same instant', () => {
    expect(epochMillisFromImcTimestamp(1603666208)).toBe(1603666208000);
    expect(epochMillisFromImcTimestamp(1603666208.487)).toBe(1603666208487);
  });

  it('decides by magnitude at 1e11', () => {
    expect(epochMillisFromImcTimestamp(99_999_999_999)).toBe(99_999_999_999_000); // seconds: year 5138
    expect(epochMillisFromImcTimestamp(100_000_000_000)).toBe(100_000_000_000); // milliseconds: 1973
  });

  it('accepts digit strings and ISO date-times', () => {
    expect(epochMillisFromImcTimestamp('1603666208487')).toBe(1603666208487);
    expect(epochMillisFromImcTimestamp('1603666208')).toBe(1603666208000);
    expect(epochMillisFromImcTimestamp('2020-10-25T23:50:08+0100')).toBe(Date.parse('2020-10-25T22:50:08Z'));
  });

  it.each([0, -1, 1e14, 1603666208487000, Number.NaN, Number.POSITIVE_INFINITY, 'soon', '', true, null, {}])(
    'refuses %p',
    (value) => {
      expect(epochMillisFromImcTimestamp(value)).toBeNull();
    },
  );
});

describe('parseImcDateTime', () => {
  it.each([
    ['2021-05-19T00:00:00+0200', '2021-05-18T22:00:00.000Z'],
    ['2021-05-19T23:59:59+0200', '2021-05-19T21:59:59.000Z'],
    ['2020-10-25T23:50:08+0100', '2020-10-25T22:50:08.000Z'],
    ['2021-05-19T00:00:00+02:00', '2021-05-18T22:00:00.000Z'],
    ['2021-05-19T00:00:00+02', '2021-05-18T22:00:00.000Z'],
    ['2021-05-19T00:00:00-0530', '2021-05-19T05:30:00.000Z'],
    ['2021-05-19T00:00:00Z', '2021-05-19T00:00:00.000Z'],
    ['2021-05-19T00:00:00.123456+0000', '2021-05-19T00:00:00.123Z'],
    ['2021-05-19 10:15', '2021-05-19T10:15:00.000Z'],
    ['2020-12-31', '2020-12-31T00:00:00.000Z'],
  ])('%s → %s', (input, iso) => {
    expect(parseImcDateTime(input)).toBe(iso);
  });

  it.each(['2021-02-30', '2021-13-01', '2021-05-19T24:00:00Z', '2021-05-19T00:00:00+0260', '19.05.2021', '2021-5-19', ''])(
    'refuses %p',
    (input) => {
      expect(parseImcDateTime(input)).toBeNull();
    },
  );
});

describe('parseImcCalendarDate', () => {
  it('keeps a date-only value', () => {
    expect(parseImcCalendarDate('2020-12-31')).toBe('2020-12-31');
  });

  it('keeps the day as imc wrote it rather than shifting it into UTC', () => {
    expect(parseImcCalendarDate('2020-12-31T00:00:00+0100')).toBe('2020-12-31');
  });

  it('refuses an impossible date', () => {
    expect(parseImcCalendarDate('2021-02-29')).toBeNull();
    expect(parseImcCalendarDate('2020-02-29')).toBe('2020-02-29');
  });
});
