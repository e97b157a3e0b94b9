export interface FailedAttemptsOptions {
  /** Failures allowed per client id and address within a window. */
  maxPerClient: number;
  /** Failures allowed per address, whatever the client id, within a window. */
  maxPerAddress: number;
  windowMs: number;
}

interface Window {
  count: number;
  resetAt: number;
}

const MAX_TRACKED_KEYS = 50_000;

/**
 * Counts failed client authentications in fixed windows, per (client id, address) and per address. Keyed on the pair
 * so a stranger cannot lock a partner out from elsewhere; the per-address count stops one address from trying many
 * client ids. Kept in process memory: each API process counts on its own, so N processes behind a balancer allow up to
 * N times the limit — acceptable for 256-bit secrets, where the limit guards against noise rather than guessing.
 */
export class FailedAttemptsLimiter {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly options: FailedAttemptsOptions,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until another attempt is allowed, or undefined when attempts are allowed now. */
  retryAfterSeconds(clientId: string, address: string): number | undefined {
    const blocked = [
      this.blockedUntil(pairKey(clientId, address), this.options.maxPerClient),
      this.blockedUntil(addressKey(address), this.options.maxPerAddress),
    ].filter((until): until is number => until !== undefined);
    if (blocked.length === 0) return undefined;
    return Math.max(1, Math.ceil((Math.max(...blocked) - this.now()) / 1000));
  }

  recordFailure(clientId: string, address: string): void {
    this.bump(pairKey(clientId, address));
    this.bump(addressKey(address));
  }

  /** A success forgives the pair's failures; the address count stays (it may be probing other ids). */
  recordSuccess(clientId: string, address: string): void {
    this.windows.delete(pairKey(clientId, address));
  }

  private blockedUntil(key: string, max: number): number | undefined {
    const window = this.windows.get(key);
    if (!window || window.resetAt <= this.now()) return undefined;
    return window.count >= max ? window.resetAt : undefined;
  }

  private bump(key: string): void {
    const now = this.now();
    const window = this.windows.get(key);
    if (window && window.resetAt > now) {
      window.count += 1;
      return;
    }
    if (this.windows.size >= MAX_TRACKED_KEYS) this.sweep(now);
    this.windows.set(key, { count: 1, resetAt: now + this.options.windowMs });
  }

  private sweep(now: number): void {
    for (const [key, window] of this.windows) if (window.resetAt <= now) this.windows.delete(key);
    // Still full (an attack from many addresses): forget the oldest entries rather than grow without bound.
    for (const key of this.windows.keys()) {
      if (this.windows.size < MAX_TRACKED_KEYS) break;
      this.windows.delete(key);
    }
  }
}

const pairKey = (clientId: string, address: string) => `c:${clientId.slice(0, 100)}|${address}`;
const addressKey = (address: string) => `a:${address}`;
