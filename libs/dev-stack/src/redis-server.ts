import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RedisServerOptions {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}

export interface RunningRedis {
  url: string;
  port: number;
  process: ChildProcess;
  stop(): Promise<void>;
}

function findRedisServer(): string | undefined {
  const found = spawnSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/** Finds redis-server, installing Debian's package when we are root and it is missing. */
export function ensureRedisServerBinary(log: (line: string) => void = console.log): string {
  const existing = findRedisServer();
  if (existing) return existing;
  const isRoot = process.getuid?.() === 0;
  const hasApt = spawnSync('sh', ['-c', 'command -v apt-get']).status === 0;
  if (isRoot && hasApt) {
    log('redis-server is missing: installing Debian package redis-server (apt-get install -y redis-server)');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = spawnSync('apt-get', ['install', '-y', '-qq', 'redis-server'], { stdio: 'inherit', env });
    const installed = install.status === 0 ? findRedisServer() : undefined;
    if (installed) return installed;
  }
  throw new Error(
    'redis-server was not found. Install it (Debian/Ubuntu: sudo apt-get install -y redis-server; macOS: brew install redis) ' +
      'or point the hub at a running Redis with REDIS_URL=redis://host:6379.',
  );
}

export function redisPing(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (data) => done(data.toString().startsWith('+PONG')));
  });
}

/** Starts a loopback-only redis-server with AOF on, keeping its files in dataDir. */
export async function startRedisServer(options: RedisServerOptions): Promise<RunningRedis> {
  const binary = ensureRedisServerBinary(options.log);
  // Another Redis on the port would answer our pings while ours fails to bind and exits: refuse instead.
  if (await redisPing(options.port)) throw new Error(`port ${options.port} is already served by a Redis; stop it or choose another port`);
  mkdirSync(options.dataDir, { recursive: true });
  const args = [
    '--port', String(options.port),
    '--bind', '127.0.0.1',
    '--dir', options.dataDir,
    '--appendonly', 'yes',
    '--appendfsync', 'everysec',
    '--save', '',
    '--maxmemory-policy', 'noeviction',
    '--daemonize', 'no',
    '--logfile', join(options.dataDir, 'redis.log'),
  ];
  const child = spawn(binary, args, { stdio: 'ignore' });
  let exited = false;
  child.once('exit', () => (exited = true));
  const deadline = Date.now() + 20_000;
  while (!(await redisPing(options.port))) {
    if (exited) throw new Error(`redis-server exited at start; see ${join(options.dataDir, 'redis.log')}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`redis-server did not answer on port ${options.port} within 20 s`);
    }
    await sleep(50);
  }
  await sleep(50);
  if (exited) throw new Error(`redis-server exited at start; see ${join(options.dataDir, 'redis.log')}`);
  return {
    url: `redis://127.0.0.1:${options.port}`,
    port: options.port,
    process: child,
    stop: () => stopChild(child, 10_000),
  };
}

/** SIGTERM, then SIGKILL after the grace period; resolves when the process is gone. */
export function stopChild(child: ChildProcess, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
