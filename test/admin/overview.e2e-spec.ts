import { api, asAdmin, canControlRedis, eventually, lbEvent, publisher, startRedis, stopRedis, uniqueId, waitForDrain, withDb } from '../support/hub.js';

interface Counts {
  accepted: number;
  stored: number;
  duplicates: number;
  deadLettered: number;
}
interface SourceOverview {
  source: string;
  state: string;
  health: string;
  counts: { last5m: Counts; last1h: Counts; last24h: Counts } | null;
  lastAcceptedUtc: string | null;
  lastStoredUtc: string | null;
  openDeadLetters: number | null;
}

async function overview() {
  return (await api().get('/admin/overview').set(asAdmin()).expect(200)).body as {
    sources: SourceOverview[];
    queue: { waiting: number; workers: unknown[]; oldestWaitingSeconds: number | null } | null;
    dependencies: { postgres: string; redis: string };
    openDeadLetters: number;
    problems: string[];
  };
}

const lb = async () => (await overview()).sources.find((s) => s.source === 'LB')!;

describe('admin overview', () => {
  it('shows every source, the queue with its workers, and healthy dependencies', async () => {
    const body = await overview();
    expect(body.sources.map((s) => s.source)).toEqual(expect.arrayContaining(['LB', 'ALM', 'IMC', 'XAPI']));
    expect(body.sources.find((s) => s.source === 'LB')).toMatchObject({ state: 'listening', health: 'ok' });
    // On a hub without the imc consumer configured (and until a source reports), the rest say so.
    expect(body.sources.find((s) => s.source === 'IMC')).toMatchObject({ health: 'off' });
    expect(body.dependencies).toEqual({ postgres: 'up', redis: 'up' });
    expect(body.problems).toEqual([]);
    expect(body.queue!.workers.length).toBeGreaterThanOrEqual(1);
  });

  it('counts received, stored and duplicate events per source across processes', async () => {
    await waitForDrain();
    const before = await lb();
    const p = await publisher();
    const events = [lbEvent(p.programId), lbEvent(p.programId), lbEvent(p.programId)];
    await api().post('/api/v1/events').set(p.auth).send(events).expect(202);
    await api().post('/api/v1/events').set(p.auth).send(events[0]).expect(202); // a resend: stored once
    await waitForDrain();
    const after = (await eventually(async () => {
      const now = await lb();
      return now.counts!.last5m.stored >= before.counts!.last5m.stored + 3 && now.counts!.last5m.duplicates >= before.counts!.last5m.duplicates + 1 ? now : null;
    }, 15_000, 'the overview to count the events'))!;
    expect(after.counts!.last5m.accepted - before.counts!.last5m.accepted).toBeGreaterThanOrEqual(4);
    expect(after.counts!.last1h.stored).toBeGreaterThanOrEqual(after.counts!.last5m.stored);
    expect(after.counts!.last24h.stored).toBeGreaterThanOrEqual(after.counts!.last1h.stored);
    expect(Date.parse(after.lastStoredUtc!)).toBeGreaterThan(Date.now() - 60_000);

    const throughput = (await api().get('/admin/overview/throughput?minutes=10').set(asAdmin()).expect(200)).body;
    expect(throughput.minutes).toHaveLength(10);
    expect(throughput.sources.LB.stored.reduce((a: number, b: number) => a + b, 0)).toBeGreaterThanOrEqual(3);
    expect(throughput.sources.ALM.stored).toHaveLength(10);
  });

  it('counts dead letters and lets many be discarded at once', async () => {
    const p = await publisher();
    const constraint = `block_${p.programId.toLowerCase()}`;
    await withDb((db) => db.query(`ALTER TABLE events ADD CONSTRAINT ${constraint} CHECK (program_id <> '${p.programId}') NOT VALID`));
    try {
      await api().post('/api/v1/events').set(p.auth).send(lbEvent(p.programId)).expect(202);
      await api().post('/api/v1/events').set(p.auth).send(lbEvent(p.programId)).expect(202);
      const letters = (await eventually(async () => {
        const res = await api().get(`/admin/dead-letters?programId=${p.programId}&reason=${constraint}`).set(asAdmin()).expect(200);
        return res.body.length === 2 ? res : null;
      }, 30_000, 'two dead letters'))!;
      expect(letters.headers['x-total-count']).toBe('2');
      const counted = (await eventually(async () => {
        const now = await lb();
        return now.counts!.last5m.deadLettered >= 2 && now.openDeadLetters! >= 2 ? now : null;
      }, 15_000, 'the overview to count the dead letters'))!;
      expect(counted.openDeadLetters).toBeGreaterThanOrEqual(2);
      const ids = letters.body.map((l: { id: string }) => l.id);
      const results = await api().post('/admin/dead-letters/discard').set(asAdmin()).send({ ids: [...ids, ids[0]] }).expect(200);
      expect(results.body.map((r: { outcome: string }) => r.outcome)).toEqual(['discarded', 'discarded', 'failed']);
      await api().get(`/admin/dead-letters?programId=${p.programId}`).set(asAdmin()).expect(200).expect((res) => expect(res.body).toEqual([]));
    } finally {
      await withDb((db) => db.query(`ALTER TABLE events DROP CONSTRAINT IF EXISTS ${constraint}`));
    }
  });

  it('searches stored events of every program by program, system, type, participant and time, newest first', async () => {
    const a = await publisher();
    const b = await publisher();
    const participant = `${uniqueId('u')}@example.com`;
    await api().post('/api/v1/events').set(a.auth).send([
      lbEvent(a.programId, { PublisherParticipantId: participant, EventType: 'AI_STARTED', EventStartUtc: '2024-03-01T10:00:00Z', EventEndUtc: null }),
      lbEvent(a.programId, { PublisherParticipantId: participant, EventType: 'AI_COMP_SUCCESS', EventStartUtc: '2024-03-02T10:00:00Z', EventEndUtc: null }),
    ]).expect(202);
    await api().post('/api/v1/events').set(b.auth).send(lbEvent(b.programId, { PublisherParticipantId: participant })).expect(202);
    await waitForDrain();
    const search = async (query: string) => (await api().get(`/admin/events?${query}`).set(asAdmin()).expect(200)).body;
    const all = await eventually(async () => {
      const page = await search(`participantId=${encodeURIComponent(participant)}`);
      return page.events.length === 3 ? page : null;
    }, 15_000, 'the three events');
    expect(new Set(all.events.map((e: { PublisherProgramId: string }) => e.PublisherProgramId))).toEqual(new Set([a.programId, b.programId]));
    expect((await search(`participantId=${encodeURIComponent(participant)}&programId=${a.programId}`)).events).toHaveLength(2);
    const typed = await search(`participantId=${encodeURIComponent(participant)}&eventType=AI_STARTED&systemId=LB`);
    expect(typed.events.map((e: { EventType: string }) => e.EventType)).toEqual(['AI_STARTED']);
    const timed = await search(`programId=${a.programId}&from=2024-03-02T00:00:00Z&to=2024-03-03T00:00:00Z`);
    expect(timed.events.map((e: { EventType: string }) => e.EventType)).toEqual(['AI_COMP_SUCCESS']);
    const first = await search(`participantId=${encodeURIComponent(participant)}&limit=2`);
    expect(first.events).toHaveLength(2);
    const second = await search(`participantId=${encodeURIComponent(participant)}&limit=2&before=${first.next}`);
    expect(second.events).toHaveLength(1);
    expect(second.next).toBeNull();
    await api().get(`/admin/events/${first.events[0].EventId}`).set(asAdmin()).expect(200);
    await api().get('/admin/events?before=not-a-cursor').set(asAdmin()).expect(400);
  });

  it('exposes queue gauges and per-source counters to Prometheus', async () => {
    const metrics = (await api().get('/metrics').expect(200)).text;
    expect(metrics).toMatch(/hub_queue_jobs\{queue="ingest",state="waiting"\} \d+/);
    expect(metrics).toMatch(/hub_queue_workers\{queue="ingest"\} [1-9]/);
    expect(metrics).toContain('hub_queue_oldest_waiting_seconds{queue="ingest"}');
    expect(metrics).toMatch(/hub_events_accepted_total\{source="LB"\} [1-9]/);
  });

  (canControlRedis() ? it : it.skip)('still answers while Redis is away: what PostgreSQL knows, and what could not be read', async () => {
    try {
      await stopRedis();
      const body = await eventually(async () => {
        const now = await overview();
        return now.dependencies.redis === 'down' ? now : null;
      }, 15_000, 'the overview to notice Redis is away');
      expect(body!.dependencies.postgres).toBe('up');
      expect(body!.queue).toBeNull();
      expect(body!.sources.find((s) => s.source === 'LB')).toMatchObject({ state: 'listening', counts: null });
      expect(body!.openDeadLetters).not.toBeNull();
      expect(body!.problems.join(' ')).toMatch(/Redis/);
    } finally {
      await startRedis();
      await eventually(async () => (await api().get('/health/ready')).status === 200, 30_000, 'Redis back');
    }
    await eventually(async () => (await overview()).dependencies.redis === 'up', 15_000, 'the overview to see Redis again');
  });
});
