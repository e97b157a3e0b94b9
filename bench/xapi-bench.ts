import { randomUUID } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { IMC_COMPLETED_STATEMENT } from '@hub/sources/xapi';
import { BenchStack, freePort } from './bench-stack.js';
import { load, type LoadResult } from './load.js';

/**
 * xAPI single-Statement POSTs (issue 5's bar): the seed's completed Statement with a fresh id per request, 10
 * connections, Bearer token from the token endpoint, against the API alone; beside a bare Fastify server that does the
 * one INSERT of the same row (bench/baseline-xapi-server.ts).
 */
export const XAPI_BENCH_PROGRAM = 'XAPIBENCH';

export function freshStatement(): string {
  return JSON.stringify({ ...IMC_COMPLETED_STATEMENT, id: randomUUID() });
}

async function post(url: string, body: unknown, headers: Record<string, string>): Promise<Record<string, string>> {
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  return (await res.json()) as Record<string, string>;
}

/** Creates the bench client and returns the headers of a Bearer-authenticated xAPI request. */
export async function xapiHeaders(base: string, adminToken: string): Promise<Record<string, string>> {
  const admin = { authorization: `Bearer ${adminToken}` };
  await post(`${base}/admin/programs`, { programId: XAPI_BENCH_PROGRAM, name: 'xAPI benchmark' }, admin);
  const { clientId, clientSecret } = await post(`${base}/admin/xapi/clients`, { name: 'bench', programId: XAPI_BENCH_PROGRAM }, admin);
  const { access_token: token } = await post(`${base}/igs/oauth/accesstoken`, { grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret }, {});
  return { authorization: `Bearer ${token}`, 'x-experience-api-version': '1.0.3' };
}

export async function startXapiBaseline(stack: BenchStack): Promise<{ url: string; pid: number | undefined }> {
  const port = await freePort();
  const server = await stack.startProcess('bench/baseline-xapi-server.js', { PORT: String(port) });
  return { url: `http://127.0.0.1:${port}/xAPI/statements`, pid: server.pid };
}

export interface XapiBenchResult {
  hub: LoadResult;
  baseline: LoadResult;
}

/** Warm-up of both, then the baseline and the hub in turn, each for `seconds`. */
export interface XapiBenchOptions {
  /** Processes whose memory is sampled while the hub is measured. */
  watch?: Record<string, number>;
  /** Process trees whose CPU time is counted while the hub, and while the baseline, is measured. */
  hubCpu?: Record<string, number | undefined>;
  baselineCpu?: Record<string, number | undefined>;
}

export async function benchXapi(base: string, headers: Record<string, string>, baselineUrl: string, seconds: number, options: XapiBenchOptions = {}): Promise<XapiBenchResult> {
  const hubUrl = `${base}/xAPI/statements`;
  await load({ url: hubUrl, makeBody: freshStatement, headers, seconds: 2 });
  await load({ url: baselineUrl, makeBody: freshStatement, seconds: 2 });
  const baseline = await load({ url: baselineUrl, makeBody: freshStatement, seconds, cpu: options.baselineCpu });
  const hub = await load({ url: hubUrl, makeBody: freshStatement, headers, seconds, watch: options.watch, cpu: options.hubCpu });
  return { hub, baseline };
}

/** `node dist/bench/xapi-bench.js [seconds]`: this row alone (BENCH_CPU_PROFILE=<dir> profiles the API's measured window). */
if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const seconds = Number(process.argv[2] ?? 10);
  const stack = new BenchStack();
  try {
    await stack.start();
    const apiPort = await freePort();
    const api = await stack.startProcess('apps/api/src/main.js', { PORT: String(apiPort) }, `http://127.0.0.1:${apiPort}/health/ready`);
    const base = `http://127.0.0.1:${apiPort}`;
    const headers = await xapiHeaders(base, stack.env.HUB_ADMIN_TOKEN!);
    const baselineServer = await startXapiBaseline(stack);
    const hubUrl = `${base}/xAPI/statements`;
    await load({ url: hubUrl, makeBody: freshStatement, headers, seconds: 2 });
    const timed = await stack.profiled(api, () => load({ url: hubUrl, makeBody: freshStatement, headers, seconds, cpu: { api: api.pid } }));
    console.log(`API CPU per request: ${((1000 * timed.cpuSeconds.api) / Math.max(1, timed.requests)).toFixed(3)} ms (${Math.round(timed.requestsPerSec)} req/s)`);
    const { hub, baseline } = await benchXapi(base, headers, baselineServer.url, seconds, { watch: { api: api.pid! } });
    const line = (name: string, r: LoadResult) => `${name}: ${Math.round(r.requestsPerSec)} req/s, p50 ${r.p50} ms, p99 ${r.p99} ms, non-2xx ${r.non2xx}, errors ${r.errors}`;
    console.log(line('hub     ', hub));
    console.log(line('baseline', baseline));
    console.log(`ratio ${(hub.requestsPerSec / baseline.requestsPerSec).toFixed(2)}, p99 ratio ${(hub.p99 / baseline.p99).toFixed(2)}`);
  } finally {
    await stack.stop();
  }
}
