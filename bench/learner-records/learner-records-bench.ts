import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { Queue } from 'bullmq';
import pg from 'pg';
import { INGEST_QUEUE, redisOptionsFromUrl, type IngestPayload } from '@hub/pipeline';
import { BenchStack, freePort } from '../bench-stack.js';
import { CpuAccount, topStatements } from '../cpu-accounting.js';

/**
 * What learner records cost the worker: the same LB events drained by one worker with HUB_LEARNER_RECORDS=off and
 * =on, in events stored per second. The events are queued first with no worker running, as in the bench's drain.
 *
 * Workloads: `new` (the bench's drain: every event a new activity instance, so every event creates a record) and
 * `lifecycle` (activity instances each started, passed, reopened and failed, shuffled, so records are created,
 * updated, and refolded for late facts).
 */
export type RecordsWorkload = 'new' | 'lifecycle';

export interface RecordsBenchOptions {
  events?: number;
  workload?: RecordsWorkload;
  /** Runs per mode, alternating off/on; the median is reported. */
  rounds?: number;
  log?: (line: string) => void;
}

/** Two views of one drain, in events per second. */
export interface WorkerRates {
  /** First job picked up → last job finished (BullMQ's timestamps): normalizing, writing and projecting. */
  worker: number;
  /** First event stored → last event stored (the bench's drain figure): the write path, jobs normalized ahead of it. */
  writes: number;
  /** First event stored → the last one in learner records (records on only): how fast records follow the store. */
  records?: number;
  /** CPU seconds per 10,000 events, by process (worker, postgres), from the worker's start until records caught up. */
  cpuPer10k?: Record<string, number>;
}

export interface RecordsBenchResult {
  workload: RecordsWorkload;
  events: number;
  rounds: number;
  recordsOff: WorkerRates;
  recordsOn: WorkerRates;
  /** How much slower the worker is with records on, in percent of its records-off rate (issue 3's bar: ≤ 20). */
  costPercent: WorkerRates;
}

const TYPES = ['AI_STARTED', 'AI_COMP_SUCCESS', 'AI_REOPENED', 'AI_COMP_UNSUCCESS'];

/** A fixed shuffle (the same run after run). */
function shuffled<T>(items: T[]): T[] {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

export function lbWorkload(programId: string, events: number, workload: RecordsWorkload): Record<string, unknown>[] {
  const event = (n: number, type: string, step: number) => {
    const time = new Date(Date.UTC(2024, 0, 1, 8, step * 10 + (n % 7))).toISOString();
    return {
      PublisherProgramId: programId,
      PublisherSystemId: 'LB',
      PublisherEventId: `AI:${n}`,
      EventType: type,
      PublisherParticipantId: `learner-${n % 2000}@example.com`,
      PublisherEventData: { credits: 2, activity: 'CPR refresher' },
      EventStartUtc: time,
      EventEndUtc: time,
    };
  };
  if (workload === 'new') return Array.from({ length: events }, (_, n) => event(n, 'AI_COMP_SUCCESS', 0));
  return shuffled(Array.from({ length: Math.ceil(events / TYPES.length) }, (_, n) => TYPES.map((type, step) => event(n, type, step))).flat()).slice(0, events);
}

async function admin(base: string, token: string, path: string, body: unknown): Promise<Record<string, string>> {
  const res = await fetch(`${base}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, string>;
}

/** When the worker picked up the program's first job and finished its last, from BullMQ's completed jobs, in ms. */
async function jobSpan(stack: BenchStack, programId: string): Promise<number> {
  const queue = new Queue<IngestPayload>(INGEST_QUEUE, { connection: redisOptionsFromUrl(stack.redis.url), prefix: stack.env.HUB_QUEUE_PREFIX });
  try {
    const jobs = (await queue.getJobs(['completed'], 0, -1)).filter((job) => job.data.programId === programId);
    return Math.max(...jobs.map((j) => j.finishedOn ?? 0)) - Math.min(...jobs.map((j) => j.processedOn ?? Infinity));
  } finally {
    await queue.close();
  }
}

/**
 * One drain on a started stack whose API answers at `base` and where no worker runs: queue the events of a new
 * program in 500-event requests, start one worker with HUB_LEARNER_RECORDS as given, time it, stop it.
 */
/**
 * Moves the learner-records checkpoint to the head of the feed. Records follow the whole feed, so a worker started in
 * a later scenario would otherwise first project every earlier scenario's events, on the cores it is measured on.
 */
export async function startRecordsAtFeedHead(db: pg.Client): Promise<void> {
  await db.query(`UPDATE projection_checkpoints SET tx_id = h.tx_id, seq = h.seq
                    FROM (SELECT coalesce(max(tx_id), 0) AS tx_id, coalesce(max(seq), 0) AS seq FROM events) h
                   WHERE name = 'learner-records'`);
}

export async function measureRecordsDrain(stack: BenchStack, base: string, learnerRecords: boolean, options: RecordsBenchOptions = {}): Promise<WorkerRates> {
  const events = options.events ?? 20_000;
  const programId = `LR${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`.slice(0, 25);
  const token = stack.env.HUB_ADMIN_TOKEN;
  await admin(base, token, '/admin/programs', { programId, name: 'Learner records benchmark' });
  const { key } = await admin(base, token, '/admin/api-keys', { name: 'records-bench', programIds: [programId], scopes: ['events:write'] });
  const payload = lbWorkload(programId, events, options.workload ?? 'new');
  for (let i = 0; i < payload.length; i += 500) {
    const res = await fetch(`${base}/api/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body: JSON.stringify(payload.slice(i, i + 500)) });
    if (res.status !== 202) throw new Error(`POST /api/v1/events answered ${res.status}: ${await res.text()}`);
  }

  const db = new pg.Client({ connectionString: stack.postgres.url });
  await db.connect();
  // Records follow the whole feed: start them at its head, so this drain does not also project earlier phases' events.
  await startRecordsAtFeedHead(db);
  const port = await freePort();
  const worker = await stack.startProcess('apps/worker/src/main.js', { WORKER_HEALTH_PORT: String(port), HUB_LEARNER_RECORDS: learnerRecords ? 'on' : 'off' }, `http://127.0.0.1:${port}/health/live`);
  await topStatements(db);
  const cpu = new CpuAccount({ worker: worker.pid, postgres: stack.postgres.pid }).start();
  try {
    return await stack.profiled(worker, async () => {
      let first: { at: number; count: number } | undefined;
      for (;;) {
        const count = Number((await db.query('SELECT count(*) AS n FROM events WHERE program_id = $1', [programId])).rows[0].n);
        const at = performance.now();
        if (count > 0 && !first) first = { at, count };
        if (count >= events) {
          const writes = Math.round(((count - first!.count) * 1000) / (at - first!.at));
          const recordsDoneAt = learnerRecords ? await recordsCaughtUp(db, programId) : undefined;
          const records = recordsDoneAt === undefined ? undefined : Math.round(((count - first!.count) * 1000) / (recordsDoneAt - first!.at));
          const used = cpu.stop();
          for (const line of await topStatements(db)) options.log?.(`  ${learnerRecords ? 'on ' : 'off'} ${line}`);
          const cpuPer10k = Object.fromEntries(Object.entries(used).map(([name, seconds]) => [name, Math.round((seconds * 1e6) / events) / 100]));
          await sleep(200); // BullMQ marks the last jobs completed just after their rows are committed
          return { worker: Math.round((events * 1000) / (await jobSpan(stack, programId))), writes, records, cpuPer10k };
        }
        await sleep(100);
      }
    });
  } finally {
    await stack.stopProcess(worker);
    await db.end();
  }
}

/** When the records projection's checkpoint reached the program's last stored event (performance.now()). */
async function recordsCaughtUp(db: pg.Client, programId: string): Promise<number> {
  const last = (await db.query('SELECT tx_id, seq FROM events WHERE program_id = $1 ORDER BY tx_id DESC, seq DESC LIMIT 1', [programId])).rows[0];
  for (;;) {
    const done = await db.query(`SELECT 1 FROM projection_checkpoints WHERE name = 'learner-records' AND (tx_id, seq) >= ($1::bigint, $2::bigint)`, [last.tx_id, last.seq]);
    if (done.rowCount) return performance.now();
    await sleep(50);
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const medianRates = (rates: WorkerRates[]): WorkerRates => ({
  worker: median(rates.map((r) => r.worker)),
  writes: median(rates.map((r) => r.writes)),
  records: rates[0].records === undefined ? undefined : median(rates.map((r) => r.records!)),
  cpuPer10k: rates[0].cpuPer10k && Object.fromEntries(Object.keys(rates[0].cpuPer10k).map((k) => [k, median(rates.map((r) => r.cpuPer10k?.[k] ?? 0))])),
});
const cost = (off: number, on: number) => Math.round((1000 * (off - on)) / off) / 10;

/** Records off and on, alternating, `rounds` times each, on a started stack with its API at `base` and no worker. */
export async function benchLearnerRecords(stack: BenchStack, base: string, options: RecordsBenchOptions = {}): Promise<RecordsBenchResult> {
  const log = options.log ?? (() => undefined);
  const off: WorkerRates[] = [];
  const on: WorkerRates[] = [];
  for (let round = 0; round < (options.rounds ?? 3); round++) {
    // Alternating which mode goes first, so what one drain leaves the database to do (vacuum, checkpoints) weighs on both.
    for (const recordsOn of round % 2 === 0 ? [false, true] : [true, false]) {
      (recordsOn ? on : off).push(await measureRecordsDrain(stack, base, recordsOn, options));
    }
    log(`round ${round + 1}: records off ${JSON.stringify(off.at(-1))}, on ${JSON.stringify(on.at(-1))} (events/s)`);
  }
  const recordsOff = medianRates(off);
  const recordsOn = medianRates(on);
  return {
    workload: options.workload ?? 'new',
    events: options.events ?? 20_000,
    rounds: options.rounds ?? 3,
    recordsOff,
    recordsOn,
    costPercent: { worker: cost(recordsOff.worker, recordsOn.worker), writes: cost(recordsOff.writes, recordsOn.writes) },
  };
}

export function describeRecordsBench(result: RecordsBenchResult): string {
  return [
    `${result.events} LB events (${result.workload}), one worker draining a filled queue, events stored per second (median):`,
    `  whole worker (normalize + write): records off ${result.recordsOff.worker}, on ${result.recordsOn.worker}: records cost ${result.costPercent.worker} %`,
    `  write path (first to last stored): records off ${result.recordsOff.writes}, on ${result.recordsOn.writes}: records cost ${result.costPercent.writes} %`,
    `  records caught up with the store at ${result.recordsOn.records} events/s (first event stored to last event in the records)`,
    `  (issue 3's bar: records cost at most 20 % of the worker's stored events/s)`,
  ].join('\n');
}

// `node dist/bench/learner-records/learner-records-bench.js [events] [new|lifecycle] [rounds]`
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [events, workload, rounds] = process.argv.slice(2);
  const stack = new BenchStack();
  try {
    await stack.start();
    const port = await freePort();
    await stack.startProcess('apps/api/src/main.js', { PORT: String(port) }, `http://127.0.0.1:${port}/health/ready`);
    const result = await benchLearnerRecords(stack, `http://127.0.0.1:${port}`, {
      events: events ? Number(events) : undefined,
      workload: (workload as RecordsWorkload | undefined) ?? 'new',
      rounds: rounds ? Number(rounds) : undefined,
      log: (line) => console.log(`[records-bench] ${line}`),
    });
    console.log(describeRecordsBench(result));
  } finally {
    await stack.stop();
  }
}
