import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import pg from 'pg';
import { INGEST_QUEUE } from '@hub/pipeline';
import { freePort, type BenchStack } from './bench-stack.js';

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

/**
 * The drain baseline: one Node process writing the same rows (every column, the same values an LB event carries)
 * with a plain batched INSERT over unnest, 1,000 rows a statement — what the worker's write does, without the queue,
 * parsing, validation, ids or batching around it.
 */
export async function plainBatchedInsert(databaseUrl: string, programId: string, total: number): Promise<number> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const started = performance.now();
    for (let offset = 0; offset < total; offset += 1000) {
      const n = Math.min(1000, total - offset);
      const ids = Array.from({ length: n }, (_, i) => `${programId}-${offset + i}`);
      const col = <T>(value: T) => Array.from({ length: n }, () => value);
      await db.query(
        `INSERT INTO events (event_id, program_id, system_id, event_type, publisher_event_id, participant_id,
                             category_value, category_label, data, start_utc, end_utc, tx_id)
         SELECT t.event_id, t.program_id, t.system_id, t.event_type, t.publisher_event_id, t.participant_id,
                t.category_value, t.category_label, t.data::jsonb, t.start_utc, t.end_utc, pg_current_xact_id()::text::bigint
           FROM unnest($1::varchar[], $2::varchar[], $3::varchar[], $4::varchar[], $5::varchar[], $6::varchar[],
                       $7::varchar[], $8::varchar[], $9::text[], $10::timestamptz[], $11::timestamptz[])
             AS t(event_id, program_id, system_id, event_type, publisher_event_id, participant_id,
                  category_value, category_label, data, start_utc, end_utc)
         ON CONFLICT (event_id) DO NOTHING`,
        [
          ids,
          col(programId),
          col('LB'),
          col('AI_COMP_SUCCESS'),
          ids.map((id) => `AI:${id}`),
          col('bench@example.com'),
          col(null),
          col(null),
          col(JSON.stringify({ credits: 2, activity: 'CPR refresher' })),
          col('2024-03-01T14:30:00.000Z'),
          col('2024-03-01T14:30:00.000Z'),
        ],
      );
    }
    return total / ((performance.now() - started) / 1000);
  } finally {
    await db.end();
  }
}

/**
 * Works off whatever the ingest queue still holds (e.g. the accept runs' jobs) with a throw-away worker, so a drain
 * measured next times and profiles only its own jobs.
 */
export async function workOffBacklog(stack: BenchStack): Promise<void> {
  const url = new URL(stack.env.REDIS_URL);
  const queue = new Queue(INGEST_QUEUE, { connection: { host: url.hostname, port: Number(url.port) }, prefix: stack.env.HUB_QUEUE_PREFIX });
  try {
    const left = async () => {
      const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      return Object.values(counts).reduce((a, b) => a + b, 0);
    };
    if ((await left()) === 0) return;
    const port = await freePort();
    const worker = await stack.startProcess('apps/worker/src/main.js', { WORKER_HEALTH_PORT: String(port) }, `http://127.0.0.1:${port}/health/live`);
    while ((await left()) > 0) await sleep(200);
    await stack.stopProcess(worker);
  } finally {
    await queue.close();
  }
}
