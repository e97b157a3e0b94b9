import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const ENTRY = {
  api: join(ROOT, 'dist/apps/api/src/main.js'),
  worker: join(ROOT, 'dist/apps/worker/src/main.js'),
} as const;

/** Starts a built hub role as a child process, logging to `<dir>/logs/<name>.log`. */
export function spawnRole(role: keyof typeof ENTRY, name: string, env: Record<string, string>, dir: string): ChildProcess {
  const log = openSync(join(dir, 'logs', `${name}.log`), 'a');
  const child = spawn(process.execPath, [ENTRY[role]], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: ['ignore', log, log] });
  child.unref();
  return child;
}

export async function waitForHttp(url: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await sleep(100);
  }
  throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export async function killAndWait(pid: number, signal: NodeJS.Signals = 'SIGKILL', timeoutMs = 30_000): Promise<void> {
  try {
    process.kill(pid, signal);
  } catch {
    return;
  }
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(50);
  if (isAlive(pid)) process.kill(pid, 'SIGKILL');
}
