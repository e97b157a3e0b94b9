import { ReconnectBackoff, retryHoldMs } from './reconnect-backoff.js';

describe('ReconnectBackoff', () => {
  it('doubles from the minimum up to the cap and starts over after a reset', () => {
    const backoff = new ReconnectBackoff(500, 4_000, () => 1);
    expect([backoff.next(), backoff.next(), backoff.next(), backoff.next(), backoff.next()]).toEqual([500, 1_000, 2_000, 4_000, 4_000]);
    backoff.reset();
    expect(backoff.next()).toBe(500);
  });

  it('takes at most 20 % off for jitter', () => {
    const backoff = new ReconnectBackoff(1_000, 1_000, () => 0);
    expect(backoff.next()).toBe(800);
  });
});

describe('retryHoldMs', () => {
  it('grows with the delivery count up to the cap', () => {
    expect([0, 1, 2, 3].map((n) => retryHoldMs(n))).toEqual([1_000, 2_000, 4_000, 8_000]);
    expect(retryHoldMs(40)).toBe(60_000);
    expect(retryHoldMs(-1)).toBe(1_000);
  });
});
