import { setTimeout as sleep } from 'node:timers/promises';
import { api, eventually, lbEvent, nextPath, publisher, startWorker, stopProcess, waitForDrain, withDb } from '../support/hub.js';

type Auth = { Authorization: string };

/** A subscriber: follows rel="next" to the end, then keeps polling the last link, recording every event it sees. */
function startReader(auth: Auth, programId: string) {
  const seen: string[] = [];
  let stop = false;
  let next = `/api/v1/events?PublisherProgramId=${programId}&limit=200`;
  const done = (async () => {
    while (!stop) {
      const res = await api().get(next).set(auth);
      if (res.status !== 200) throw new Error(`feed answered ${res.status}`);
      seen.push(...res.body.map((e: { EventId: string }) => e.EventId));
      next = nextPath(res.headers.link);
      if (res.body.length < 200) await sleep(20);
    }
  })();
  return { seen, stop: async () => ((stop = true), await done) };
}

describe('the feed guarantee', () => {
  it('does not let an event that commits late land behind a reader’s cursor', async () => {
    const p = await publisher();
    const reader = startReader(p.auth, p.programId);
    await withDb(async (slow) => {
      await withDb(async (fast) => {
        // The slow transaction writes first (lower sequence, lower transaction id) and commits last.
        await slow.query('BEGIN');
        await slow.query(
          `INSERT INTO events (event_id, program_id, system_id, event_type, publisher_event_id, participant_id, start_utc, tx_id)
           VALUES ($1, $2, 'LB', 'AI_STARTED', 'AI:slow', 'x', now(), pg_current_xact_id()::text::bigint)`,
          [`${p.programId}-slow`, p.programId],
        );
        await fast.query(
          `INSERT INTO events (event_id, program_id, system_id, event_type, publisher_event_id, participant_id, start_utc, tx_id)
           VALUES ($1, $2, 'LB', 'AI_STARTED', 'AI:fast', 'x', now(), pg_current_xact_id()::text::bigint)`,
          [`${p.programId}-fast`, p.programId],
        );
        await sleep(500); // the reader polls several times while the slow transaction is open
        expect(reader.seen).toEqual([]);
        await slow.query('COMMIT');
      });
    });
    await eventually(async () => reader.seen.length === 2, 10_000, 'both events in the feed');
    await reader.stop();
    expect(reader.seen).toEqual([`${p.programId}-slow`, `${p.programId}-fast`]);
  });

  it('shows a concurrent reader every event exactly once while several workers commit concurrently', async () => {
    const p = await publisher();
    const extra = ['feed-worker-2', 'feed-worker-3'];
    for (const name of extra) await startWorker(name);
    const reader = startReader(p.auth, p.programId);
    try {
      const clients = 6;
      const perClient = 10;
      const accepted: string[] = [];
      await Promise.all(
        Array.from({ length: clients }, async (_, c) => {
          for (let r = 0; r < perClient; r++) {
            const size = 1 + ((c * 7 + r * 13) % 60);
            const batch = Array.from({ length: size }, (_, i) => lbEvent(p.programId, { PublisherEventId: `AI:${c}-${r}-${i}` }));
            const res = await api().post('/api/v1/events').set(p.auth).send(batch).expect(202);
            accepted.push(...res.body.map((e: { EventId: string }) => e.EventId));
          }
        }),
      );
      await waitForDrain();
      await eventually(async () => reader.seen.length >= accepted.length, 30_000, 'the reader to catch up');
      await sleep(300);
      await reader.stop();
      expect(reader.seen.length).toBe(accepted.length);
      expect(new Set(reader.seen)).toEqual(new Set(accepted));
    } finally {
      for (const name of extra) await stopProcess(name, 'SIGTERM');
    }
  });
});
