import { api, asAdmin, countStored, eventually, lbEvent, publisher, waitForDrain, withDb } from '../support/hub.js';

describe('dead letters', () => {
  it('keeps a payload the store refuses, and stores it when replayed after the cause is fixed', async () => {
    const p = await publisher();
    const constraint = `block_${p.programId.toLowerCase()}`;
    // Simulate a fault in the hub (a schema rule that is wrong for this program) that a fix will remove.
    await withDb((db) => db.query(`ALTER TABLE events ADD CONSTRAINT ${constraint} CHECK (program_id <> '${p.programId}') NOT VALID`));
    let letterId: string;
    try {
      const [receipt] = (await api().post('/api/v1/events').set(p.auth).send(lbEvent(p.programId)).expect(202)).body;
      const letter = await eventually(async () => {
        const res = await api().get(`/admin/dead-letters?source=LB&programId=${p.programId}`).set(asAdmin()).expect(200);
        return res.body[0];
      }, 30_000, 'the dead letter');
      expect(letter).toMatchObject({ source: 'LB', programId: p.programId, status: 'open', attempts: 1 });
      expect(letter.reason).toContain(constraint);
      letterId = letter.id;
      const detail = await api().get(`/admin/dead-letters/${letter.id}`).set(asAdmin()).expect(200);
      expect(JSON.parse(detail.body.payload)[0].PublisherEventId).toBeDefined();
      expect(await countStored(p.programId)).toBe(0);

      await withDb((db) => db.query(`ALTER TABLE events DROP CONSTRAINT ${constraint}`));
      await api().post(`/admin/dead-letters/${letterId}/replay`).set(asAdmin()).expect(202);
      await eventually(async () => (await countStored(p.programId)) === 1, 30_000, 'the replayed event stored');
      await api().get(`/api/v1/events/${receipt.EventId}`).set(p.auth).expect(200);
      const after = await api().get(`/admin/dead-letters/${letterId}`).set(asAdmin()).expect(200);
      expect(after.body.status).toBe('replayed');
      await api().post(`/admin/dead-letters/${letterId}/replay`).set(asAdmin()).expect(409);
    } finally {
      await withDb((db) => db.query(`ALTER TABLE events DROP CONSTRAINT IF EXISTS ${constraint}`));
    }
  });

  it('does not let one bad payload fail the payloads written beside it', async () => {
    const good = await publisher();
    const bad = await publisher();
    const constraint = `block_${bad.programId.toLowerCase()}`;
    await withDb((db) => db.query(`ALTER TABLE events ADD CONSTRAINT ${constraint} CHECK (program_id <> '${bad.programId}') NOT VALID`));
    try {
      await Promise.all([
        ...Array.from({ length: 10 }, () => api().post('/api/v1/events').set(good.auth).send(lbEvent(good.programId)).expect(202)),
        api().post('/api/v1/events').set(bad.auth).send(lbEvent(bad.programId)).expect(202),
      ]);
      await waitForDrain();
      expect(await countStored(good.programId)).toBe(10);
      const letters = await api().get(`/admin/dead-letters?programId=${bad.programId}`).set(asAdmin()).expect(200);
      expect(letters.body).toHaveLength(1);
    } finally {
      await withDb((db) => db.query(`ALTER TABLE events DROP CONSTRAINT IF EXISTS ${constraint}`));
    }
  });

  it('discards a dead letter on request', async () => {
    const p = await publisher();
    const constraint = `block_${p.programId.toLowerCase()}`;
    await withDb((db) => db.query(`ALTER TABLE events ADD CONSTRAINT ${constraint} CHECK (program_id <> '${p.programId}') NOT VALID`));
    try {
      await api().post('/api/v1/events').set(p.auth).send(lbEvent(p.programId)).expect(202);
      const letter = await eventually(async () => (await api().get(`/admin/dead-letters?programId=${p.programId}`).set(asAdmin())).body[0], 30_000, 'the dead letter');
      await api().delete(`/admin/dead-letters/${letter.id}`).set(asAdmin()).expect(204);
      const open = await api().get(`/admin/dead-letters?programId=${p.programId}`).set(asAdmin()).expect(200);
      expect(open.body).toEqual([]);
      const discarded = await api().get(`/admin/dead-letters?programId=${p.programId}&status=discarded`).set(asAdmin()).expect(200);
      expect(discarded.body).toHaveLength(1);
    } finally {
      await withDb((db) => db.query(`ALTER TABLE events DROP CONSTRAINT IF EXISTS ${constraint}`));
    }
  });
});
