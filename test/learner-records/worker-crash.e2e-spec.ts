import { api, countStored, eventually, lbEvent, publisher, startWorker, stopProcess, waitForDrain } from '../support/hub.js';
import { byKey, randomSource, readRecords, rebuild, recordsFoldedFromFeed, shuffle } from './records-support.js';

describe('a worker killed mid-batch', () => {
  it('loses and doubles nothing: the restarted worker completes the events and the records, which equal the fold of the log', async () => {
    const p = await publisher();
    const random = randomSource(7);
    // 1,500 activity instances, each started, passed, reopened and failed; shuffled so records are updated across batches.
    const steps = ['AI_STARTED', 'AI_COMP_SUCCESS', 'AI_REOPENED', 'AI_COMP_UNSUCCESS'];
    const events = shuffle(
      Array.from({ length: 1_500 }, (_, n) =>
        steps.map((EventType, i) => {
          const time = new Date(Date.UTC(2024, 0, 1, 8, i * 10 + (n % 7))).toISOString();
          return lbEvent(p.programId, { PublisherParticipantId: `learner-${n % 300}@example.com`, PublisherEventId: `AI:${n}`, EventType, EventStartUtc: time, EventEndUtc: time });
        }),
      ).flat(),
      random,
    );
    const posting = (async () => {
      for (let i = 0; i < events.length; i += 500) await api().post('/api/v1/events').set(p.auth).send(events.slice(i, i + 500)).expect(202);
    })();
    await eventually(async () => (await countStored(p.programId)) > 0, 30_000, 'the first stored events');
    await stopProcess('worker', 'SIGKILL');
    await posting;

    // The kill interrupted the event writes and the records projection that follows them; both resume from what committed.
    expect(await countStored(p.programId)).toBeLessThan(events.length);
    await startWorker('worker');
    await eventually(async () => (await countStored(p.programId)) === events.length, 120_000, `${events.length} events stored`);
    await waitForDrain();
    const records = await readRecords(p.auth);
    expect(records).toHaveLength(1_500);
    expect(records.every((r) => r.Status === 'FAILED' && r.Passed === false && r.SourceStatus === 'AI_COMP_UNSUCCESS')).toBe(true);
    expect(byKey(records)).toEqual(await recordsFoldedFromFeed(p.auth, p.programId));
    expect(await rebuild([p.programId])).toMatchObject({ events: events.length, records: 1_500, changed: 0, removed: 0 });
  });
});
