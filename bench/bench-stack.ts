import { randomBytes } from 'node:crypto';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres, startRedisServer, stopChild, type RunningPostgres, type RunningRedis } from '@hub/dev-stack';
import { runMigrations } from '../apps/hub/src/data-source.js';

const DIST = fileURLToPath(new URL('..', import.meta.url));
const PROFILE_DIR = process.env.BENCH_CPU_PROFILE;

export function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await sleep(100);
  }
  throw new Error(`${url} not ready`);
}

/** Resident memory of a process in MB, from /proc. */
export function rssMb(pid: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** A throw-away stack for one benchmark run: PostgreSQL, Redis, and the hub's roles as separate processes. */
export class BenchStack {
  readonly dir = mkdtempSync(join(tmpdir(), 'hub-bench-'));
  postgres!: RunningPostgres;
  redis!: RunningRedis;
  env: Record<string, string> = {};
  private readonly children: ChildProcess[] = [];

  async start(): Promise<void> {
    chmodSync(this.dir, 0o755);
    mkdirSync(join(this.dir, 'logs'));
    // BENCH_PG_STATS=1: statement statistics (pg_stat_statements), to see what the database spends its time on.
    const settings = process.env.BENCH_PG_STATS ? { shared_preload_libraries: 'pg_stat_statements', 'pg_stat_statements.track': 'all' } : undefined;
    this.postgres = await startEmbeddedPostgres({ dataDir: join(this.dir, 'pg'), port: await freePort(), database: 'bench', settings });
    this.redis = await startRedisServer({ dataDir: join(this.dir, 'redis'), port: await freePort() });
    await runMigrations(this.postgres.url);
    this.env = {
      PATH: process.env.PATH ?? '',
      DATABASE_URL: this.postgres.url,
      REDIS_URL: this.redis.url,
      HUB_ADMIN_TOKEN: 'bench-admin-token-0123456789',
      HUB_SECRET_KEY: randomBytes(32).toString('base64'),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      HUB_QUEUE_PREFIX: '{hub}',
    };
  }

  /** Starts a built role (or any script under dist) and resolves when its health URL answers. */
  async startProcess(script: string, env: Record<string, string>, readyUrl?: string, nodeArgs: string[] = []): Promise<ChildProcess> {
    const log = openSync(join(this.dir, 'logs', `${script.replace(/\W+/g, '_')}.log`), 'a');
    // BENCH_CPU_PROFILE=<dir>: the hub's roles can be profiled window by window (see `profiled`).
    const profiling = PROFILE_DIR && script.startsWith('apps/') ? ['--import', join(DIST, 'bench/profile-hook.js')] : [];
    const profileEnv = PROFILE_DIR ? { BENCH_CPU_PROFILE: PROFILE_DIR, BENCH_PROFILE_LABEL: script.split('/')[1] } : {};
    const child = spawn(process.execPath, [...profiling, ...nodeArgs, join(DIST, script)], {
      env: { ...this.env, ...profileEnv, ...env },
      stdio: ['ignore', log, log, 'ipc'],
    });
    this.children.push(child);
    if (readyUrl) await waitForHttp(readyUrl);
    else await new Promise<void>((resolve, reject) => {
      child.once('message', () => resolve());
      child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    });
    return child;
  }

  /**
   * Runs `measure` and, when BENCH_CPU_PROFILE is set, CPU-profiles `child` for exactly that window: the profile is
   * written to that directory when the window ends (summarise it with dist/bench/profile-summary.js).
   */
  async profiled<T>(child: ChildProcess, measure: () => Promise<T>): Promise<T> {
    if (!PROFILE_DIR) return measure();
    child.kill('SIGWINCH');
    try {
      return await measure();
    } finally {
      child.kill('SIGWINCH');
      await sleep(1_000); // the profile is serialised by the child
    }
  }

  async stopProcess(child: ChildProcess): Promise<void> {
    await stopChild(child, 30_000);
  }

  async stop(): Promise<void> {
    await Promise.all(this.children.map((c) => stopChild(c, 30_000)));
    await this.redis?.stop();
    await this.postgres?.stop();
  }
}

