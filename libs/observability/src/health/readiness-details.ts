import { Injectable } from '@nestjs/common';

/** Facts a module adds to /health/ready without deciding it: always reported "up", with the details beside it. */
export type ReadinessDetail = () => Record<string, unknown>;

/**
 * Informational readiness entries. A dependency the hub can run without (the imc broker) registers here, so
 * readiness shows its state (e.g. `imc: {status: "up", state: "reconnecting"}`) while staying 200: degraded, not down.
 */
@Injectable()
export class ReadinessDetails {
  private readonly details = new Map<string, ReadinessDetail>();

  register(key: string, detail: ReadinessDetail): void {
    if (this.details.has(key)) throw new Error(`Two readiness details named "${key}"`);
    this.details.set(key, detail);
  }

  entries(): [string, ReadinessDetail][] {
    return [...this.details];
  }
}
