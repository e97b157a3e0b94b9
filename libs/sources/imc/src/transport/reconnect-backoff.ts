/**
 * Exponential backoff between reconnect attempts: min, 2·min, 4·min … capped at max, with up to 20 % jitter so a
 * fleet of workers does not reconnect in lockstep after a broker restart.
 */
export class ReconnectBackoff {
  private attempt = 0;

  constructor(
    private readonly minMs: number,
    private readonly maxMs: number,
    private readonly random: () => number = Math.random,
  ) {}

  next(): number {
    const base = Math.min(this.maxMs, this.minMs * 2 ** Math.min(this.attempt, 30));
    this.attempt += 1;
    return Math.round(base * (0.8 + 0.2 * this.random()));
  }

  reset(): void {
    this.attempt = 0;
  }

  get attempts(): number {
    return this.attempt;
  }
}

/**
 * How long a message is held before it goes back to the broker when the pipeline could not take it: long enough
 * not to spin against an unavailable Redis, growing with the broker's delivery count (Service Bus counts every
 * abandon and dead-letters after its max delivery count, so the holds spread those attempts over minutes).
 */
export function retryHoldMs(deliveryCount: number, minMs = 1_000, maxMs = 60_000): number {
  return Math.min(maxMs, minMs * 2 ** Math.min(Math.max(deliveryCount, 0), 16));
}
