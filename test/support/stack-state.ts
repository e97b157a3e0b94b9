import { readFileSync, writeFileSync } from 'node:fs';

/**
 * What the global setup started, shared with the test files through a JSON file (jest runs them in other
 * module registries). Tests that restart a process write its new pid back, so the teardown stops it.
 */
export interface StackState {
  dir: string;
  databaseUrl: string;
  redisUrl: string;
  /** Set when the run started its own redis-server, so tests may stop and restart it. */
  redis?: { port: number; dataDir: string; pid: number };
  postgresPid?: number;
  apiPort: number;
  baseUrl: string;
  adminToken: string;
  /** Environment every hub process of this run gets. */
  env: Record<string, string>;
  pids: Record<string, number>;
}

export const STATE_ENV = 'HUB_TEST_STATE_FILE';

export function readState(): StackState {
  const file = process.env[STATE_ENV];
  if (!file) throw new Error(`${STATE_ENV} is not set: run the e2e tests through jest's global setup`);
  return JSON.parse(readFileSync(file, 'utf8')) as StackState;
}

export function writeState(state: StackState): void {
  writeFileSync(process.env[STATE_ENV]!, JSON.stringify(state, null, 2));
}
