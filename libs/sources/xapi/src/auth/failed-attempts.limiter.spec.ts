import { FailedAttemptsLimiter } from './failed-attempts.limiter.js';

describe('FailedAttemptsLimiter', () => {
  let clock = 0;
  const limiter = () => new FailedAttemptsLimiter({ maxPerClient: 3, maxPerAddress: 5, windowMs: 60_000 }, () => clock);

  beforeEach(() => {
    clock = 1_000_000;
  });

  it('blocks a client id from an address after the allowed failures, until the window ends', () => {
    const l = limiter();
    for (let i = 0; i < 3; i++) {
      expect(l.retryAfterSeconds('c1', '10.0.0.1')).toBeUndefined();
      l.recordFailure('c1', '10.0.0.1');
    }
    expect(l.retryAfterSeconds('c1', '10.0.0.1')).toBe(60);
    clock += 45_000;
    expect(l.retryAfterSeconds('c1', '10.0.0.1')).toBe(15);
    clock += 15_000;
    expect(l.retryAfterSeconds('c1', '10.0.0.1')).toBeUndefined();
  });

  it('does not block the same client from another address', () => {
    const l = limiter();
    for (let i = 0; i < 3; i++) l.recordFailure('c1', '10.0.0.1');
    expect(l.retryAfterSeconds('c1', '10.0.0.2')).toBeUndefined();
  });

  it('blocks an address that tries many client ids', () => {
    const l = limiter();
    for (let i = 0; i < 5; i++) l.recordFailure(`c${i}`, '10.0.0.1');
    expect(l.retryAfterSeconds('another', '10.0.0.1')).toBe(60);
  });

  it('forgives a pair after a success', () => {
    const l = limiter();
    for (let i = 0; i < 2; i++) l.recordFailure('c1', '10.0.0.1');
    l.recordSuccess('c1', '10.0.0.1');
    l.recordFailure('c1', '10.0.0.1');
    expect(l.retryAfterSeconds('c1', '10.0.0.1')).toBeUndefined();
  });
});
