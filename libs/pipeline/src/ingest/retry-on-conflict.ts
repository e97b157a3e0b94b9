import { setTimeout as sleep } from 'node:timers/promises';
import { isTransactionConflict } from '@hub/event-store';

/** In-process attempts before the error goes to the job (which BullMQ retries with backoff, so still nothing is lost). */
export const CONFLICT_ATTEMPTS = 8;

/**
 * Runs a transaction again when it lost a race with another worker (deadlock, serialization failure, a record created
 * concurrently), after a short random pause so the two do not collide again in step.
 */
export async function retryOnConflict<T>(run: () => Promise<T>, onRetry?: (err: Error, attempt: number) => void): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await run();
    } catch (err) {
      if (!isTransactionConflict(err) || attempt >= CONFLICT_ATTEMPTS) throw err;
      onRetry?.(err as Error, attempt);
      await sleep(Math.random() * 20 * 2 ** Math.min(attempt, 5));
    }
  }
}
