import { Injectable } from '@nestjs/common';

/** How long a read waits for earlier writes before it reads anyway (a stuck write must not stall reads). */
export const WRITE_BARRIER_TIMEOUT_MS = 2000;

/**
 * Read-your-writes within one API process: a Statement read waits for the writes of its program that this process
 * had already started, so X-Experience-API-Consistent-Through (the time of the answer) holds for them (Communication
 * 2.1.3.s2.b5) and a client that GETs right after a POST finds the Statement although its INSERT was still running.
 * Writes in other API processes are not seen here; across processes Consistent-Through stays best effort.
 */
@Injectable()
export class StatementWriteBarrier {
  private readonly inFlight = new Map<string, Set<Promise<unknown>>>();

  /** Runs a write, known to later reads of the same program until it settles. */
  async track<T>(programId: string, write: () => Promise<T>): Promise<T> {
    const running = write();
    const writes = this.inFlight.get(programId) ?? new Set<Promise<unknown>>();
    this.inFlight.set(programId, writes);
    writes.add(running);
    try {
      return await running;
    } finally {
      writes.delete(running);
      if (writes.size === 0) this.inFlight.delete(programId);
    }
  }

  /** Resolves when the program's writes under way now have settled (failed ones too), or after the timeout. */
  async settled(programId: string, timeoutMs = WRITE_BARRIER_TIMEOUT_MS): Promise<void> {
    const writes = this.inFlight.get(programId);
    if (!writes || writes.size === 0) return;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => {
      timer = setTimeout(resolve, timeoutMs);
    });
    try {
      await Promise.race([Promise.allSettled([...writes]), timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}
