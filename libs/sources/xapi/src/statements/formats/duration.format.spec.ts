import { durationForComparison, isDuration } from './duration.format.js';

describe('ISO 8601 durations (Data 4.6, XAPI-00077, XAPI-00124)', () => {
  it.each(['PT2M33S', 'PT1H0M0.1S', 'PT4H35M59.14S', 'PT16559.14S', 'P3Y1M29DT4H35M59.14S', 'P3Y', 'P4W', 'P1DT12H', 'PT0S'])(
    'accepts %s',
    (value) => {
      expect(isDuration(value)).toBe(true);
    },
  );

  it.each(['PA1H0M0S', 'should fail', 'P', 'PT', 'P4W1D', 'PT1H30', 'PT01:02:03', '1H', 'pt1h'])('rejects %s', (value) => {
    expect(isDuration(value)).toBe(false);
  });

  it('ignores precision beyond 0.01 s when comparing (Data 4.6.s1.b5)', () => {
    expect(durationForComparison('PT1.2399S')).toBe(durationForComparison('PT1.23S'));
    expect(durationForComparison('PT1H')).toBe('PT1H');
  });
});
