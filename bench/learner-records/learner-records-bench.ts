import { pathToFileURL } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue } from 'bullmq';
import pg from 'pg';
import { INGEST_QUEUE, redisOptionsFromUrl, type IngestPayload } from '@hub/pipeline';
import { startBenchStack, type BenchStack } from './records-bench-stack.js';

/**
 * What learner records cost the worker: the same LB events drained by one worker with HUB_LEARNER_RECORDS=off and
 * =on, in events stored per second. The events are queued first with no worker running, so the figure is the
 * worker's (normalize, write, project), not the API's.
 *
 * Workloads: `lifecycle` (default) = activity instances each started, passed, reopened and failed, shuffled, so
 * records are created, updated and refolded for late facts; `new` = every event a new activity instance, so every
 * event creates a record.
 */
export type RecordsWorkload = 'lifecycle' | 'new';

export interface RecordsBenchOptions {
  events?: number;
  batchSize?: number;
  workload?: RecordsWorkload;
  /** Runs per mode, alternating off/on; the median is reported. */
  rounds?: number;
  log?: (line: string) => void;
}

/** Two views of one drain, in events per second. */
export interface WorkerRates {
  /** First job picked up → last job finished (BullMQ's timestamps): normalizing, writing and projecting. */
  worker: number;
  /** First event stored → last event stored: the write path alone (the jobs were normalized in parallel first). */
  writes: number;
}

export interface RecordsBenchResult {
  workload: RecordsWorkload;
  events: number;
  /** Events stored per second by the worker (median of the rounds), records off and on. */
  recordsOff: WorkerRates;
  recordsOn: WorkerRates;
  /** How much slower the worker is with records on, in percent of its records-off rate (the bar: ≤ 20). */
  costPercent: WorkerRates;
}

const TYPES = ['AI_STARTED', 'AI_COMP_SUCCESS', 'AI_REOPENED', 'AI_COMP_UNSUCCESS'];

function shuffled<T>(items: T[]): T[] {
  let seed = 42;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
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
      PublisherEventData: { credits: 2 },
      EventStartUtc: time,
      EventEndUtc: time,
    };
  };
  if (workload === 'new') return Array.from({ length: events }, (_, n) => event(n, 'AI_COMP_SUCCESS', 0));
  return shuffled(Array.from({ length: Math.ceil(events / TYPES.length) }, (_, n) => TYPES.map((type, step) => event(n, type, step))).flat()).slice(0, events);
}

async function adminPost(stack: BenchStack, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${stack.baseUrl}${path}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${stack.adminToken}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${await res.text()}`);
  return (await res.json()) as Record<string, unknown>;
}

/** When the worker picked up the program's first job and finished its last, from BullMQ's completed jobs. */
async function jobSpan(stack: BenchStack, programId: string): Promise<number> {
  const queue = new Queue<IngestPayload>(INGEST_QUEUE, { connection: redisOptionsFromUrl(stack.redisUrl), prefix: stack.queuePrefix });
  try {
    const jobs = (await queue.getJobs(['completed'], 0, -1)).filter((job) => job.data.programId === programId);
    return Math.max(...jobs.map((j) => j.finishedOn ?? 0)) - Math.min(...jobs.map((j) => j.processedOn ?? Infinity));
  } finally {
    await queue.close();
  }
}

/**
 * One measurement on a running stack with no worker running: queue `events` LB events of a new program, start one
 * worker with HUB_LEARNER_RECORDS as given, and time the drain (see WorkerRates).
 */
export async function measureWorkerEventsPerSecond(stack: BenchStack, learnerRecords: boolean, options: RecordsBenchOptions = {}): Promise<WorkerRates> {
  const events = options.events ?? 20_000;
  const batchSize = options.batchSize ?? 500;
  const programId = `BENCH${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`.slice(0, 25);
  await adminPost(stack, '/admin/programs', { programId, name: 'Learner records benchmark' });
  const { key } = (await adminPost(stack, '/admin/api-keys', { name: 'bench', programIds: [programId], scopes: ['events:write', 'events:read'] })) as { key: string };
  const payload = lbWorkload(programId, events, options.workload ?? 'lifecycle');
  for (let i = 0; i < payload.length; i += batchSize) {
    const res = await fetch(`${stack.baseUrl}/api/v1/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${key}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(payload.slice(i, i + batchSize)),
    });
    if (res.status !== 202) throw new Error(`POST /api/v1/events answered ${res.status}: ${await res.text()}`);
  }

  const db = new pg.Client({ connectionString: stack.databaseUrl });
  await db.connect();
  const stored = async () => Number((await db.query('SELECT count(*) AS n FROM events WHERE program_id = $1', [programId])).rows[0].n);
  const stopWorker = await stack.startWorker({ HUB_LEARNER_RECORDS: learnerRecords ? 'on' : 'off' });
  try {
    let first: { at: number; count: number } | undefined;
    for (;;) {
      const count = await stored();
      const at = performance.now();
      if (count > 0 && !first) first = { at, count };
      if (count >= events) {
        const writes = Math.round(((count - first!.count) * 1000) / (at - first!.at));
        await sleep(200); // BullMQ marks the last jobs completed just after their rows are committed
        return { worker: Math.round((events * 1000) / (await jobSpan(stack, programId))), writes };
      }
      await sleep(100);
    }
  } finally {
    await stopWorker();
    await db.end();
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const medianRates = (rates: WorkerRates[]): WorkerRates => ({ worker: median(rates.map((r) => r.worker)), writes: median(rates.map((r) => r.writes)) });
const cost = (off: number, on: number) => Math.round((1000 * (off - on)) / off) / 10;

/** Both figures on a given stack (with no worker of its own running). */
export async function benchLearnerRecordsOn(stack: BenchStack, options: RecordsBenchOptions = {}): Promise<RecordsBenchResult> {
  const log = options.log ?? (() => undefined);
  const off: WorkerRates[] = [];
  const on: WorkerRates[] = [];
  for (let round = 0; round < (options.rounds ?? 3); round++) {
    off.push(await measureWorkerEventsPerSecond(stack, false, options));
    on.push(await measureWorkerEventsPerSecond(stack, true, options));
    log(`round ${round + 1}: records off ${JSON.stringify(off.at(-1))}, on ${JSON.stringify(on.at(-1))} (events/s)`);
  }
  const recordsOff = medianRates(off);
  const recordsOn = medianRates(on);
  return {
    workload: options.workload ?? 'lifecycle',
    events: options.events ?? 20_000,
    recordsOff,
    recordsOn,
    costPercent: { worker: cost(recordsOff.worker, recordsOn.worker), writes: cost(recordsOff.writes, recordsOn.writes) },
  };
}

/** Boots its own stack, measures, tears it down. */
export async function benchLearnerRecords(options: RecordsBenchOptions = {}): Promise<RecordsBenchResult> {
  const stack = await startBenchStack();
  try {
    return await benchLearnerRecordsOn(stack, options);
  } finally {
    await stack.stop();
  }
}

// `node dist/bench/learner-records/learner-records-bench.js [events] [lifecycle|new] [rounds]`
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [events, workload, rounds] = process.argv.slice(2);
  const result = await benchLearnerRecords({
    events: events ? Number(events) : undefined,
    workload: (workload as RecordsWorkload | undefined) ?? 'lifecycle',
    rounds: rounds ? Number(rounds) : undefined,
    log: (line) => console.log(`[records-bench] ${line}`),
  });
  console.log(
    `[records-bench] ${result.events} LB events (${result.workload}), one worker draining a filled queue, events stored per second:\n` +
      `[records-bench]   whole worker (normalize + write): records off ${result.recordsOff.worker}, on ${result.recordsOn.worker}: records cost ${result.costPercent.worker} %\n` +
      `[records-bench]   write path alone:                 records off ${result.recordsOff.writes}, on ${result.recordsOn.writes}: records cost ${result.costPercent.writes} %\n` +
      `[records-bench]   (bar of issue 3: records cost at most 20 % of the worker's stored events/s)`,
  );
}
