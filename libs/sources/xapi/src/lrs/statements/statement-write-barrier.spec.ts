import { StatementWriteBarrier } from './statement-write-barrier.js';

function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (err: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('StatementWriteBarrier (read-your-writes for Consistent-Through, Communication 2.1.3.s2.b5)', () => {
  it('lets a read through at once when the program has no write under way', async () => {
    await expect(new StatementWriteBarrier().settled('p1')).resolves.toBeUndefined();
  });

  it('holds a read until the writes of its program started before it have settled', async () => {
    const barrier = new StatementWriteBarrier();
    const insert = deferred<string>();
    const write = barrier.track('p1', () => insert.promise);
    let read = false;
    const waiting = barrier.settled('p1').then(() => (read = true));
    await new Promise((r) => setImmediate(r));
    expect(read).toBe(false);
    insert.resolve('stored');
    await expect(write).resolves.toBe('stored');
    await waiting;
    expect(read).toBe(true);
  });

  it('does not hold reads of other programs, and a failed write releases the read like a successful one', async () => {
    const barrier = new StatementWriteBarrier();
    const insert = deferred();
    const write = barrier.track('p1', () => insert.promise);
    await expect(barrier.settled('p2')).resolves.toBeUndefined();
    const waiting = barrier.settled('p1');
    insert.reject(new Error('409'));
    await expect(write).rejects.toThrow('409');
    await expect(waiting).resolves.toBeUndefined();
  });

  it('gives up waiting after the timeout, so a stuck write cannot stall reads', async () => {
    const barrier = new StatementWriteBarrier();
    void barrier.track('p1', () => new Promise(() => undefined));
    const started = Date.now();
    await barrier.settled('p1', 20);
    expect(Date.now() - started).toBeGreaterThanOrEqual(15);
  });
});
