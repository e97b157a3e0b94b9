import { api, asAdmin, countStored, eventually, lbEvent, publisher, startWorker, stopProcess, withDb } from '../support/hub.js';
import { readRecords } from './records-support.js';

const status = async () => (await api().get('/admin/learner-records/status').set(asAdmin()).expect(200)).body as { projectedThrough: string; behind: number; caughtUp: boolean };

describe('learner records follow the event store', () => {
  it('stand still while no worker runs and catch up from their checkpoint when one starts, each event once', async () => {
    const p = await publisher();
    const started = (who: string) => lbEvent(p.programId, { PublisherParticipantId: who, PublisherEventId: 'AI:7', EventType: 'AI_STARTED', EventStartUtc: '2024-05-01T09:00:00Z', EventEndUtc: '2024-05-01T09:00:00Z' });
    await api().post('/api/v1/events').set(p.auth).send(started('ann@example.com')).expect(202);
    await eventually(async () => (await countStored(p.programId)) === 1, 30_000, 'the first event stored');
    const before = (await readRecords(p.auth)).map((r) => r.PublisherParticipantId);
    expect(before).toEqual(['ann@example.com']);

    await stopProcess('worker', 'SIGTERM');
    let behind: Awaited<ReturnType<typeof status>>;
    try {
      // Stored behind the records' back (as a second hub would, or a worker with HUB_LEARNER_RECORDS=off).
      const events = ['bob@example.com', 'cy@example.com'].map(started);
      await withDb(async (db) => {
        for (const [i, e] of events.entries()) {
          await db.query(
            `INSERT INTO events (event_id, program_id, system_id, event_type, publisher_event_id, participant_id, start_utc, tx_id)
             VALUES ($1, $2, 'LB', 'AI_STARTED', 'AI:7', $3, '2024-05-01T09:00:00Z', pg_current_xact_id()::text::bigint)`,
            [`${p.programId}-projection-${i}`, p.programId, e.PublisherParticipantId],
          );
        }
      });
      behind = await status();
      expect(behind).toMatchObject({ caughtUp: false, behind: expect.any(Number) });
      expect(behind.behind).toBeGreaterThanOrEqual(2);
      const listed = await api().get(`/api/v1/learner-records?PublisherProgramId=${p.programId}`).set(p.auth).expect(200);
      expect(listed.body).toHaveLength(1);
    } finally {
      await startWorker('worker');
    }

    const records = await readRecords(p.auth); // waits for caughtUp
    expect(records.map((r) => [r.PublisherParticipantId, r.Status])).toEqual([
      ['ann@example.com', 'IN_PROGRESS'],
      ['bob@example.com', 'IN_PROGRESS'],
      ['cy@example.com', 'IN_PROGRESS'],
    ]);
    const after = await status();
    expect(after).toMatchObject({ caughtUp: true, behind: 0 });
    expect(after.projectedThrough).not.toEqual(behind.projectedThrough);
    const facts = await withDb(async (db) => (await db.query('SELECT count(*)::int AS n FROM learner_facts f JOIN learner_records r ON r.id = f.record_id WHERE r.program_id = $1', [p.programId])).rows[0].n);
    expect(facts).toBe(3);
  });

  it('is refused without the admin token', async () => {
    await api().get('/admin/learner-records/status').expect(401);
  });
});
