import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's utime and stime (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

interface ProcStat {
  ppid: number;
  ticks: number;
}

function procStat(pid: number): ProcStat | undefined {
  try {
    // The command name (field 2) may hold spaces and parentheses: read the fields after its closing parenthesis.
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    // utime + stime, plus cutime + cstime: what its children used before they exited and it reaped them (a
    // PostgreSQL backend that closed during a run would otherwise take its CPU time out of the tree's total).
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) };
  } catch {
    return undefined;
  }
}

/** CPU seconds (user + system) a process and all its descendants have used so far, exited and reaped ones included. */
export function treeCpuSeconds(root: number): number {
  const stats = new Map<number, ProcStat>();
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    const stat = procStat(pid);
    if (stat) stats.set(pid, stat);
  }
  const children = new Map<number, number[]>();
  for (const [pid, { ppid }] of stats) children.set(ppid, [...(children.get(ppid) ?? []), pid]);
  let ticks = 0;
  for (const pending = [root]; pending.length > 0; ) {
    const pid = pending.pop()!;
    ticks += stats.get(pid)?.ticks ?? 0;
    pending.push(...(children.get(pid) ?? []));
  }
  return ticks / TICKS_PER_SECOND;
}

/** CPU seconds used by each named process tree between `start()` and `stop()`: who a measured run kept busy. */
export class CpuAccount {
  private readonly before = new Map<string, number>();

  constructor(private readonly roots: Record<string, number | undefined>) {}

  start(): this {
    for (const [name, pid] of Object.entries(this.roots)) if (pid) this.before.set(name, treeCpuSeconds(pid));
    return this;
  }

  stop(): Record<string, number> {
    const used: Record<string, number> = {};
    for (const [name, pid] of Object.entries(this.roots)) if (pid) used[name] = Math.round((treeCpuSeconds(pid) - (this.before.get(name) ?? 0)) * 100) / 100;
    return used;
  }
}

/**
 * The statements the database spent most time on since the last reset, when it runs with pg_stat_statements
 * (BENCH_PG_STATS=1); empty otherwise. Resets the statistics.
 */
export async function topStatements(db: { query(sql: string): Promise<{ rows: Record<string, unknown>[] }> }, limit = 8): Promise<string[]> {
  try {
    await db.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    const { rows } = await db.query(
      `SELECT round(total_exec_time)::int AS ms, calls, rows, left(regexp_replace(query, '\\s+', ' ', 'g'), 160) AS query
         FROM pg_stat_statements ORDER BY total_exec_time DESC LIMIT ${limit}`,
    );
    await db.query('SELECT pg_stat_statements_reset()');
    return rows.map((r) => `${String(r.ms).padStart(7)} ms ${String(r.calls).padStart(6)} calls ${String(r.rows).padStart(8)} rows  ${r.query}`);
  } catch {
    return [];
  }
}
