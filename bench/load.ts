import autocannon from 'autocannon';
import { cpuSeconds, rssMb } from './bench-stack.js';

export interface LoadResult {
  requestsPerSec: number;
  p50: number;
  p99: number;
  non2xx: number;
  errors: number;
  /** Highest RSS (MB) seen per watched process while the load ran. */
  peakRss: Record<string, number>;
  /**
   * CPU time (user + system, from /proc) each watched process spent per request answered, in microseconds: unlike
   * throughput, it hardly moves when other work shares the machine.
   */
  cpuMicrosPerRequest: Record<string, number>;
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
}

/** Drives one endpoint with autocannon; `[<id>]` in the body becomes a fresh id per request, so events differ. */
export async function load(options: LoadOptions): Promise<LoadResult> {
  const peakRss: Record<string, number> = {};
  const sampler = setInterval(() => {
    for (const [name, pid] of Object.entries(options.watch ?? {})) peakRss[name] = Math.max(peakRss[name] ?? 0, rssMb(pid));
  }, 250);
  const cpuBefore = Object.fromEntries(Object.entries(options.watch ?? {}).map(([name, pid]) => [name, cpuSeconds(pid)]));
  try {
    const result = await autocannon({
      url: options.url,
      method: options.method ?? 'POST',
      connections: options.connections ?? 10,
      duration: options.seconds ?? 10,
      headers: { ...(options.body ? { 'content-type': 'application/json' } : {}), ...options.headers },
      body: options.body,
      idReplacement: true,
    });
    return {
      requestsPerSec: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      non2xx: result.non2xx,
      errors: result.errors,
      peakRss,
      cpuMicrosPerRequest: Object.fromEntries(
        Object.entries(options.watch ?? {}).map(([name, pid]) => [name, ((cpuSeconds(pid) - cpuBefore[name]) * 1e6) / Math.max(1, result.requests.total)]),
      ),
    };
  } finally {
    clearInterval(sampler);
  }
}
