/**
 * ISO 8601:2004 section 4.4.3.2 durations (Data 4.6.s1.b1): `PnYnMnDTnHnMnS` or `PnW`, at least one component, a
 * decimal fraction allowed on a component. The alternative format (`PT01:02:03`) is refused, as the spec demands.
 */
const NUMBER = '\\d+(?:[.,]\\d+)?';
const DURATION = new RegExp(
  `^P(?:${NUMBER}W|(?=\\d|T\\d)(?:${NUMBER}Y)?(?:${NUMBER}M)?(?:${NUMBER}D)?(?:T(?=\\d)(?:${NUMBER}H)?(?:${NUMBER}M)?(?:${NUMBER}S)?)?)$`,
);

export function isDuration(value: unknown): value is string {
  return typeof value === 'string' && DURATION.test(value);
}

/**
 * Precision beyond 0.01 s is not part of a Duration's identity (Data 4.6.s1.b5), so comparisons cut the seconds
 * fraction to two digits; otherwise a Duration compares as the string it is (Data 2.3.1.b8).
 */
export function durationForComparison(duration: string): string {
  return duration.replace(/(\d+)[.,](\d+)S$/, (_all, whole: string, fraction: string) => `${whole}.${fraction.slice(0, 2)}S`);
}
