import { api, countStored, eventually, lbEvent, publisher, readFeed, startWorker, stopProcess, waitForDrain } from '../support/hub.js';

describe('a worker killed mid-batch', () => {
  it('loses nothing and doubles nothing', async () => {
    const p = await publisher();
    const total = 6_000;
    const posting = (async () => {
      for (let i = 0; i < total / 500; i++) {
        const batch = Array.from({ length: 500 }, (_, j) => lbEvent(p.programId, { PublisherEventId: `AI:${i * 500 + j}` }));
        await api().post('/api/v1/events').set(p.auth).send(batch).expect(202);
      }
    })();
    // Kill the worker while it is writing: wait until some, not all, events are stored.
    await eventually(async () => (await countStored(p.programId)) > 0, 30_000, 'the first stored events');
    await stopProcess('worker', 'SIGKILL');
    await posting;
    const stranded = await countStored(p.programId);
    expect(stranded).toBeLessThan(total);

    await startWorker('worker');
    await eventually(async () => (await countStored(p.programId)) === total, 120_000, `${total} events stored`);
    await waitForDrain();
    const { events } = await readFeed(p.auth);
    expect(events).toHaveLength(total);
    expect(new Set(events.map((e) => e.EventId)).size).toBe(total);
  });

  it('finishes its in-flight jobs when stopped gracefully', async () => {
    const p = await publisher();
    const batch = Array.from({ length: 500 }, (_, j) => lbEvent(p.programId, { PublisherEventId: `AI:${j}` }));
    await api().post('/api/v1/events').set(p.auth).send(batch).expect(202);
    await stopProcess('worker', 'SIGTERM');
    await startWorker('worker');
    await eventually(async () => (await countStored(p.programId)) === 500, 60_000, '500 events stored');
  });
});
