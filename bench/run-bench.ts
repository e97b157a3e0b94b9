import { BenchStack, freePort } from './bench-stack.js';
import { plainBatchedInsert, timeDrain } from './drain.js';
import { load, type LoadResult } from './load.js';
import { EVENT_QUERIES, measureQuery, seedEvents } from './queries.js';
import { benchImc } from './imc-bench.js';
import { benchLearnerRecords } from './learner-records/learner-records-bench.js';
import { compare, fmt, renderTable, writeReport, type Row } from './report.js';
import { almDelivery, queueAlmDeliveries, signedAlmHeaders } from './alm-bench.js';
import { benchXapi, startXapiBaseline, xapiHeaders } from './xapi-bench.js';

/**
 * `npm run bench`: starts a throw-away stack, measures the hub beside its baselines in the same run, prints a table
 * and writes it to docs/benchmarks.md. Baselines: a bare Fastify server doing the same Redis write (accept), and a plain
 * batched INSERT from one Node process (drain).
 */
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;
const DRAIN_EVENTS = Number(process.env.BENCH_DRAIN_EVENTS ?? 50_000);
const ALM_DRAIN_EVENTS = Number(process.env.BENCH_ALM_DRAIN_EVENTS ?? 20_000);
const ALM_SECRET = 'bench-alm-signing-secret';
const QUERY_SIZES = [10_000, Number(process.env.BENCH_QUERY_LARGE ?? 1_000_000)];

const stack = new BenchStack();
const rows: Row[] = [];
const notes: string[] = [];
/** Keeps a row for the table and prints it at once, so a long run shows its progress. */
const record = (row: Row) => {
  rows.push(row);
  console.log(`${row.scenario} | ${row.metric}: hub ${row.hub}, baseline ${row.baseline}, ratio ${row.ratio} ${row.target} ${row.verdict}`);
};

function lbEvent(programId: string, id: string): Record<string, unknown> {
  return {
    PublisherProgramId: programId,
    PublisherSystemId: 'LB',
    PublisherEventId: id,
    EventType: 'AI_COMP_SUCCESS',
    PublisherParticipantId: 'bench@example.com',
    PublisherEventData: { credits: 2, activity: 'CPR refresher' },
    EventStartUtc: '2024-03-01T14:30:00Z',
    EventEndUtc: '2024-03-01T14:30:00Z',
  };
}

async function admin(base: string, path: string, body: unknown): Promise<Record<string, string>> {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${stack.env.HUB_ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, string>;
}

function acceptRows(scenario: string, hub: LoadResult, baseline: LoadResult, eventsPerRequest: number): void {
  if (hub.non2xx || hub.errors) notes.push(`${scenario}: the hub answered ${hub.non2xx} non-2xx and ${hub.errors} errors`);
  record(compare(scenario, `accepted events/s (${CONNECTIONS} conns)`, hub.requestsPerSec * eventsPerRequest, baseline.requestsPerSec * eventsPerRequest, { ratio: 0.5, higherIsBetter: true }));
  record(compare(scenario, 'p99 latency ms', hub.p99, baseline.p99, { ratio: 2, higherIsBetter: false }));
  record({ scenario, metric: 'p50 latency ms', hub: fmt(hub.p50), baseline: fmt(baseline.p50), ratio: (hub.p50 / baseline.p50).toFixed(2), target: '—', verdict: '' });
}

try {
  await stack.start();
  const apiPort = await freePort();
  const api = await stack.startProcess('apps/api/src/main.js', { PORT: String(apiPort) }, `http://127.0.0.1:${apiPort}/health/ready`);
  const base = `http://127.0.0.1:${apiPort}`;
  const basePort = await freePort();
  await stack.startProcess('bench/baseline-accept-server.js', { PORT: String(basePort) });
  const baselineUrl = `http://127.0.0.1:${basePort}/accept`;

  await admin(base, '/admin/programs', { programId: 'BENCH', name: 'Benchmark' });
  const { key } = await admin(base, '/admin/api-keys', { name: 'bench', programIds: ['BENCH'], scopes: ['events:write', 'events:read'] });
  const auth = { authorization: `Bearer ${key}` };
  const watch = { api: api.pid! };

  // Accept: the API alone (no worker competing for the two cores), against the bare server, same body and load.
  const single = JSON.stringify(lbEvent('BENCH', 'AI:[<id>]'));
  await load({ url: `${base}/api/v1/events`, body: single, headers: auth, seconds: 2 }); // warm-up
  await load({ url: baselineUrl, body: single, seconds: 2 });
  const baseSingle = await load({ url: baselineUrl, body: single, seconds: SECONDS });
  const hubSingle = await load({ url: `${base}/api/v1/events`, body: single, headers: auth, seconds: SECONDS, watch });
  acceptRows('hub API, 1 event', hubSingle, baseSingle, 1);

  const batch = JSON.stringify(Array.from({ length: 500 }, (_, i) => lbEvent('BENCH', `AI:[<id>]-${i}`)));
  const baseBatch = await load({ url: baselineUrl, body: batch, seconds: SECONDS });
  const hubBatch = await load({ url: `${base}/api/v1/events`, body: batch, headers: auth, seconds: SECONDS, watch });
  acceptRows('hub API, 500 events', hubBatch, baseBatch, 500);
  // ALM: signed one-event deliveries against the same baseline. The same delivery every time: accepting costs the
  // same whether the event is new (the worker's store drops repeats), and the signature must match the body.
  await admin(base, '/admin/programs', { programId: 'ALMBENCH', name: 'ALM benchmark' });
  const almHook = await admin(base, '/admin/alm/webhooks', { name: 'bench', programId: 'ALMBENCH', auth: { type: 'signature', secret: ALM_SECRET } });
  const almOne = almDelivery(0, 1);
  await load({ url: `${base}${almHook.path}`, body: almOne, headers: signedAlmHeaders(almOne, ALM_SECRET), seconds: 2 }); // warm-up
  const baseAlm = await load({ url: baselineUrl, body: almOne, seconds: SECONDS });
  const hubAlm = await load({ url: `${base}${almHook.path}`, body: almOne, headers: signedAlmHeaders(almOne, ALM_SECRET), seconds: SECONDS, watch });
  acceptRows('ALM webhook, 1 signed event', hubAlm, baseAlm, 1);

  // xAPI: single-Statement POSTs (the seed's completed Statement, a fresh id each), Bearer token; baseline a bare
  // Fastify server doing the one INSERT of the same row into a table shaped like xapi_statements.
  const xapiBaselineUrl = await startXapiBaseline(stack);
  const xapi = await benchXapi(base, await xapiHeaders(base, stack.env.HUB_ADMIN_TOKEN!), xapiBaselineUrl, SECONDS, watch);
  if (xapi.hub.non2xx || xapi.hub.errors) notes.push(`xAPI: the hub answered ${xapi.hub.non2xx} non-2xx and ${xapi.hub.errors} errors`);
  record(compare('xAPI, 1 Statement', `stored statements/s (${CONNECTIONS} conns)`, xapi.hub.requestsPerSec, xapi.baseline.requestsPerSec, { ratio: 0.5, higherIsBetter: true }));
  record(compare('xAPI, 1 Statement', 'p99 latency ms', xapi.hub.p99, xapi.baseline.p99, { ratio: 2, higherIsBetter: false }));
  record({ scenario: 'xAPI, 1 Statement', metric: 'p50 latency ms', hub: fmt(xapi.hub.p50), baseline: fmt(xapi.baseline.p50), ratio: (xapi.hub.p50 / xapi.baseline.p50).toFixed(2), target: '—', verdict: '' });
  notes.push(`xAPI: POST /xAPI/statements with one Statement (the imc seed's completed Statement, a fresh UUID per request), Bearer token, ${CONNECTIONS} connections, ${SECONDS} s after a warm-up, the API alone (stored in Postgres and handed to the queue before the 200); baseline: a bare Fastify server doing one INSERT of the same row into a table shaped like xapi_statements (same indexes), no auth, validation or queue.`);

  record({ scenario: 'memory', metric: 'API RSS MB under load (peak)', hub: fmt(Math.max(hubSingle.peakRss.api, hubBatch.peakRss.api, xapi.hub.peakRss.api ?? 0)), baseline: '—', ratio: '—', target: '≤ 300', verdict: Math.max(hubSingle.peakRss.api, hubBatch.peakRss.api, xapi.hub.peakRss.api ?? 0) <= 300 ? 'met' : 'NOT MET' });

  // Drain: queue DRAIN_EVENTS events in 500-event requests with no worker running, then start one and time it.
  await admin(base, '/admin/programs', { programId: 'DRAIN', name: 'Drain' });
  const drainKey = (await admin(base, '/admin/api-keys', { name: 'drain', programIds: ['DRAIN'], scopes: ['events:write'] })).key;
  for (let r = 0; r < DRAIN_EVENTS / 500; r++) {
    const body = JSON.stringify(Array.from({ length: 500 }, (_, i) => lbEvent('DRAIN', `AI:${r}-${i}`)));
    const res = await fetch(`${base}/api/v1/events`, { method: 'POST', headers: { authorization: `Bearer ${drainKey}`, 'content-type': 'application/json' }, body });
    if (res.status !== 202) throw new Error(`drain setup: ${res.status}`);
  }
  const workerPort = await freePort();
  const worker = await stack.startProcess('apps/worker/src/main.js', { WORKER_HEALTH_PORT: String(workerPort) }, `http://127.0.0.1:${workerPort}/health/live`);
  const hubDrain = await timeDrain(stack.postgres.url, 'DRAIN', DRAIN_EVENTS);
  const plain = await plainBatchedInsert(stack.postgres.url, 'PLAIN', DRAIN_EVENTS);
  record(compare('drain, 500-event jobs', 'stored events/s', hubDrain, plain, { ratio: 0.5, higherIsBetter: true }));
  notes.push(`Drain: ${fmt(DRAIN_EVENTS)} LB events queued in 500-event requests, then one worker started; timed from the first stored event. Baseline: the same rows (every column, same values) written by one Node process with the same unnest INSERT … ON CONFLICT DO NOTHING, 1,000 rows a statement.`);
  notes.push(`Accept: autocannon, ${CONNECTIONS} connections, ${SECONDS} s per run after a warm-up, the API process alone (no worker running); baseline: a bare Fastify server doing one BullMQ add per request with an offline-queue-free connection, no auth or validation.`);
  void worker;
  await stack.stopProcess(worker);

  // Learner records: the same LB drain with records off and on, alternating, no other worker running.
  const records = await benchLearnerRecords(stack, base, { events: Number(process.env.BENCH_RECORDS_EVENTS ?? 20_000), rounds: Number(process.env.BENCH_RECORDS_ROUNDS ?? 2) });
  record(compare('learner records', 'worker events/s, records on vs off', records.recordsOn.worker, records.recordsOff.worker, { ratio: 0.8, higherIsBetter: true }));
  notes.push(`Learner records: ${fmt(records.events)} new LB events drained by one worker with HUB_LEARNER_RECORDS=off then on (median of the rounds); records cost ${records.costPercent.worker} % of the worker's events/s (write path alone: ${records.costPercent.writes} %). Target: at most 20 %, i.e. ratio ≥ 0.8.`);

  // ALM: 100-event signed deliveries queued with no worker running, then one worker started and timed, as above.
  await admin(base, '/admin/programs', { programId: 'ALMDRAIN', name: 'ALM drain' });
  const almDrainHook = await admin(base, '/admin/alm/webhooks', { name: 'drain', programId: 'ALMDRAIN', auth: { type: 'signature', secret: ALM_SECRET } });
  await queueAlmDeliveries(`${base}${almDrainHook.path}`, ALM_SECRET, ALM_DRAIN_EVENTS / 100, 100);
  const almWorkerPort = await freePort();
  await stack.startProcess('apps/worker/src/main.js', { WORKER_HEALTH_PORT: String(almWorkerPort) }, `http://127.0.0.1:${almWorkerPort}/health/live`);
  const almDrain = await timeDrain(stack.postgres.url, 'ALMDRAIN', ALM_DRAIN_EVENTS);
  const almPlain = await plainBatchedInsert(stack.postgres.url, 'PLAINALM', ALM_DRAIN_EVENTS);
  record(compare('ALM drain, 100-event deliveries', 'stored events/s', almDrain, almPlain, { ratio: 0.5, higherIsBetter: true }));
  notes.push(`ALM: accept of one signed event (HMAC-SHA256 hex over the raw body, the same delivery each time) against the same bare server; drain: ${fmt(ALM_DRAIN_EVENTS)} events in signed 100-event deliveries queued with no worker running, then one worker started; baseline the plain batched INSERT of as many rows.`);

  // imc: messages published to RabbitMQ (AMQP 1.0) with no consumer, then one worker's consumer started and timed.
  const IMC_MESSAGES = Number(process.env.BENCH_IMC_MESSAGES ?? 5_000);
  const imcRate = await benchImc(stack, 'IMCBENCH', IMC_MESSAGES);
  record({ scenario: 'imc queue (RabbitMQ, AMQP 1.0)', metric: 'messages consumed and stored/s', hub: fmt(imcRate), baseline: '—', ratio: '—', target: 'printed', verdict: '' });
  notes.push(`imc: ${fmt(IMC_MESSAGES)} distinct registration changes published to de.imc.ils_registrations on a throw-away RabbitMQ with no consumer, then one worker (credit 50) consumed them; timed from the first stored event.`);

  // Reads: the same filtered queries with 10 thousand and with 1 million events stored.
  await admin(base, '/admin/programs', { programId: 'QUERY', name: 'Queries' });
  const readKey = (await admin(base, '/admin/api-keys', { name: 'reader', programIds: ['QUERY'], scopes: ['events:read'] })).key;
  const bySize = new Map<number, Map<string, LoadResult>>();
  for (const size of QUERY_SIZES) {
    await seedEvents(stack.postgres.url, 'QUERY', size);
    const results = new Map<string, LoadResult>();
    for (const query of EVENT_QUERIES('QUERY')) results.set(query.name, await measureQuery(base, readKey, query.path, Math.max(3, SECONDS / 2)));
    bySize.set(size, results);
  }
  const [small, large] = QUERY_SIZES;
  for (const query of EVENT_QUERIES('QUERY')) {
    const a = bySize.get(small)!.get(query.name)!;
    const b = bySize.get(large)!.get(query.name)!;
    record(compare(query.name, `p50 ms at ${fmt(large)} vs ${fmt(small)}`, Math.max(b.p50, 0.5), Math.max(a.p50, 0.5), { ratio: 2, higherIsBetter: false }, 1));
    record({ scenario: query.name, metric: `p99 ms at ${fmt(large)} (${fmt(small)})`, hub: fmt(b.p99), baseline: fmt(a.p99), ratio: (b.p99 / Math.max(a.p99, 0.5)).toFixed(2), target: '—', verdict: '' });
  }
  notes.push(`Queries: autocannon GET, ${CONNECTIONS} connections; the event store filled in SQL to ${fmt(small)} and then ${fmt(large)} events (200 participants, 8 types, a year of times); latencies under 1 ms count as 0.5 ms.`);

  const table = renderTable(rows);
  console.log(`\n${table}\n`);
  for (const note of notes) console.log(`- ${note}`);
  writeReport(new URL('../../docs/benchmarks.md', import.meta.url), rows, notes);
  console.log('\nwritten to docs/benchmarks.md');
} finally {
  await stack.stop();
}
