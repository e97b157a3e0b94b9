import { ImcAcceptBatcher } from './imc-accept-batcher.js';

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe('ImcAcceptBatcher', () => {
  it('hands on together what arrives in one turn, and apart what arrives in the next', async () => {
    const batches: number[][] = [];
    const batcher = new ImcAcceptBatcher<number>(async (items) => void batches.push(items), 10);
    const first = [1, 2, 3].map((n) => batcher.add(n));
    await Promise.all(first);
    await batcher.add(4);
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it('lets newcomers wait while a batch is on its way, and hands them on together when it has arrived', async () => {
    const batches: number[][] = [];
    const arrivals: (() => void)[] = [];
    const batcher = new ImcAcceptBatcher<number>((items) => (batches.push(items), new Promise<void>((resolve) => arrivals.push(resolve))), 10, 1);
    const first = batcher.add(1);
    await nextTurn();
    const later = [2, 3].map((n) => batcher.add(n));
    await nextTurn();
    expect(batches).toEqual([[1]]);
    arrivals[0]();
    await first;
    await nextTurn();
    await nextTurn();
    expect(batches).toEqual([[1], [2, 3]]);
    arrivals[1]();
    await Promise.all(later);
  });

  it('never hands on more than its maximum at a time', async () => {
    const batches: number[][] = [];
    const batcher = new ImcAcceptBatcher<number>(async (items) => void batches.push(items), 2);
    await Promise.all([1, 2, 3, 4, 5].map((n) => batcher.add(n)));
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('rejects every caller of a batch that was not taken, and only those', async () => {
    const batcher = new ImcAcceptBatcher<number>(async (items) => {
      if (items.includes(2)) throw new Error('redis down');
    }, 2);
    const results = await Promise.allSettled([1, 2, 3].map((n) => batcher.add(n)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'fulfilled']);
  });
});
