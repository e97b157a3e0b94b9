import autocannon from 'autocannon';
import { rssMb } from './bench-stack.js';
import { CpuAccount } from './cpu-accounting.js';

export interface LoadResult {
  requestsPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Highest RSS (MB) seen per watched process while the load ran. */
  peakRss: Record<string, number>;
  /** Requests answered in the whole run. */
  requests: number;
  /** CPU seconds per counted process tree (LoadOptions.cpu) during the run. */
  cpuSeconds: Record<string, number>;
}

export interface LoadOptions {
  url: string;
  method?: 'GET' | 'POST';
  body?: string;
  headers?: Record<string, string>;
  connections?: number;
  seconds?: number;
  /** Processes whose memory is sampled during the run. */
  watch?: Record<string, number>;
  /** Process trees whose CPU time is counted during the run (e.g. the server and redis-server). */
  cpu?: Record<string, number | undefined>;
  /** A fresh body per request (instead of `body`), e.g. a Statement with a new UUID. */
  makeBody?: () => string;
}

/** Drives one endpoint with autocannon; `[<id>]` in the body becomes a fresh id per request, so events differ. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const peakRss: Record<string, number> = {};
  const sampler = setInterval(() => {
    for (const [name, pid] of Object.entries(options.watch ?? {})) peakRss[name] = Math.max(peakRss[name] ?? 0, rssMb(pid));
  }, 250);
  const cpu = new CpuAccount(options.cpu ?? {}).start();
  try {
    const result = await autocannon({
      url: options.url,
      method: options.method ?? 'POST',
      connections: options.connections ?? 10,
      duration: options.seconds ?? 10,
      headers: { ...(options.body || options.makeBody ? { 'content-type': 'application/json' } : {}), ...options.headers },
      body: options.body,
      idReplacement: options.makeBody === undefined,
      ...(options.makeBody ? { requests: [{ setupRequest: (req: autocannon.Request) => ({ ...req, body: options.makeBody!() }) }] } : {}),
    });
    return {
      requestsPerSec: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
      peakRss,
      requests: result.requests.total,
      cpuSeconds: cpu.stop(),
    };
  } finally {
    clearInterval(sampler);
  }
}
