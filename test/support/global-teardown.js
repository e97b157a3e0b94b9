// Stops everything the run started, whatever the tests restarted meanwhile (their pids are in the state file).
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

const alive = (pid) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function stop(pid, signal) {
  if (!pid || !alive(pid)) return;
  process.kill(pid, signal);
  for (let i = 0; i < 300 && alive(pid); i++) await sleep(100);
  if (alive(pid)) process.kill(pid, 'SIGKILL');
}

export default async function globalTeardown() {
  const state = JSON.parse(readFileSync(process.env.HUB_TEST_STATE_FILE, 'utf8'));
  const { redis, ...roles } = state.pids;
  await Promise.all(Object.values(roles).map((pid) => stop(pid, 'SIGTERM')));
  await stop(redis, 'SIGTERM');
  await stop(state.postgresPid, 'SIGINT');
  // Keep the logs (CI artifacts, post-mortems); drop the databases.
  for (const data of ['postgres', 'redis']) rmSync(join(state.dir, data), { recursive: true, force: true });
}
