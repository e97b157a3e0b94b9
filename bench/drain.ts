import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

/** Counts a program's stored events until `target`, timing from the first stored event (excludes worker start-up). */
export async function timeDrain(databaseUrl: string, programId: string, target: number, timeoutMs = 600_000): Promise<number> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const count = async () => Number((await db.query('SELECT count(*) AS n FROM events WHERE program_id = $1', [programId])).rows[0].n);
    const deadline = Date.now() + timeoutMs;
    let first = 0;
    let started = 0;
    for (;;) {
      const n = await count();
      if (n > 0 && !started) {
        started = performance.now();
        first = n;
      }
      if (n >= target) return (n - first) / ((performance.now() - started) / 1000);
      if (Date.now() > deadline) throw new Error(`drain stalled at ${n}/${target}`);
      await sleep(20);
    }
  } finally {
    await db.end();
  }
}

/** The drain baseline: one Node process writing the same rows with a plain batched INSERT, 1,000 rows a statement. */
export async function plainBatchedInsert(databaseUrl: string, programId: string, total: number): Promise<number> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const started = performance.now();
    for (let offset = 0; offset < total; offset += 1000) {
      const n = Math.min(1000, total - offset);
      const ids = Array.from({ length: n }, (_, i) => `${programId}-${offset + i}`);
      await db.query(
        `INSERT INTO events (event_id, program_id, system_id, event_type, publisher_event_id, participant_id, data, start_utc, end_utc, tx_id)
         SELECT t.id, $2, 'LB', 'AI_COMP_SUCCESS', t.id, 'bench@example.com', '{"credits":2}'::jsonb, now(), now(), pg_current_xact_id()::text::bigint
           FROM unnest($1::varchar[]) AS t(id)`,
        [ids, programId],
      );
    }
    return total / ((performance.now() - started) / 1000);
  } finally {
    await db.end();
  }
}
