import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * Debian's rabbitmq-server (3.x) with the AMQP 1.0 plugin, for the imc e2e tests and the benchmark: one node per
 * run, every file (Erlang cookie, config, logs, mnesia) under `dir`, every listener on 127.0.0.1.
 *
 * The scripts in /usr/lib/rabbitmq/bin are used rather than the /usr/sbin wrappers: run as root, those wrappers
 * `su` to the rabbitmq user, which can neither read our root-owned directory nor keep our environment.
 */
const RABBITMQ_BIN = '/usr/lib/rabbitmq/bin';

export interface RabbitMqOptions {
  /** Holds all state; created when missing. Reusing it across starts keeps durable queues and messages. */
  dir: string;
  /** AMQP 0-9-1 and AMQP 1.0 share this port. */
  amqpPort: number;
  /** Erlang distribution (rabbitmqctl talks to the node here). Default amqpPort + 1. */
  distPort?: number;
  /** A private epmd, so we neither depend on nor disturb the machine's one on 4369. Default amqpPort + 2. */
  epmdPort?: number;
  /** Default `hubtest<amqpPort>@localhost`. */
  nodeName?: string;
  /** Default 60 s; a start takes about 7 to 10 s. */
  startTimeoutMs?: number;
  /**
   * Queues, exchanges and bindings to declare at boot (RabbitMQ's definitions format, loaded with `load_definitions`
   * on every start): RabbitMQ 3.x cannot declare a queue bound to an exchange over AMQP 1.0.
   */
  definitions?: object;
  log?: (line: string) => void;
}

export interface RunningRabbitMq {
  /** `amqp://guest:guest@127.0.0.1:<amqpPort>`; guest is allowed because we connect over loopback. */
  url: string;
  amqpPort: number;
  nodeName: string;
  /** The broker log, where readiness and errors show. */
  logFile: string;
  /** Runs rabbitmqctl against this node (status, list_queues, await_startup …). */
  ctl(...args: string[]): Promise<CommandResult>;
  /** Graceful shutdown, then stops the epmd this helper started (if epmd was not running before). */
  stop(): Promise<void>;
  /** SIGKILL of the whole broker process group, as a crash; state stays on disk for restart(). */
  kill(): Promise<void>;
  /** Graceful stop when running (nothing to do after kill()), then start again on the same state. */
  restart(): Promise<void>;
}

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

interface Layout {
  nodeName: string;
  distPort: number;
  epmdPort: number;
  logFile: string;
  startupLog: string;
  env: NodeJS.ProcessEnv;
}

export async function startRabbitMq(options: RabbitMqOptions): Promise<RunningRabbitMq> {
  const serverScript = join(RABBITMQ_BIN, 'rabbitmq-server');
  if (!existsSync(serverScript)) {
    throw new Error(
      `${serverScript} not found: install Debian's rabbitmq-server (apt-get install -y rabbitmq-server); .ci/run does so.`,
    );
  }
  const layout = prepare(options);
  const log = options.log ?? (() => undefined);
  const timeoutMs = options.startTimeoutMs ?? 60_000;

  for (const port of [options.amqpPort, layout.distPort]) {
    if (await portOpen(port)) throw new Error(`port ${port} is already in use; choose another amqpPort for RabbitMQ`);
  }
  // Only an epmd we brought up is ours to stop.
  const epmdWasRunning = await portOpen(layout.epmdPort);

  let broker: ChildProcess | undefined = await launch(serverScript, options, layout, timeoutMs, log);

  const stopBroker = async () => {
    if (!broker) return;
    const child = broker;
    broker = undefined;
    await terminate(child, 30_000);
  };

  const handle: RunningRabbitMq = {
    url: `amqp://guest:guest@127.0.0.1:${options.amqpPort}`,
    amqpPort: options.amqpPort,
    nodeName: layout.nodeName,
    logFile: layout.logFile,
    ctl: (...args) => run(join(RABBITMQ_BIN, 'rabbitmqctl'), ['-n', layout.nodeName, ...args], layout.env, options.dir),
    async stop() {
      await stopBroker();
      if (!epmdWasRunning) await stopEpmd(layout);
    },
    async kill() {
      if (!broker) return;
      const child = broker;
      broker = undefined;
      await killGroup(child);
    },
    async restart() {
      await stopBroker();
      broker = await launch(serverScript, options, layout, timeoutMs, log);
    },
  };
  return handle;
}

/** Writes config, plugin list and an empty env file into `dir` and builds the environment of the node. */
function prepare(options: RabbitMqOptions): Layout {
  const dir = options.dir;
  const nodeName = options.nodeName ?? `hubtest${options.amqpPort}@localhost`;
  const distPort = options.distPort ?? options.amqpPort + 1;
  const epmdPort = options.epmdPort ?? options.amqpPort + 2;
  for (const sub of ['home', 'log', 'mnesia']) mkdirSync(join(dir, sub), { recursive: true });

  writeFileSync(
    join(dir, 'rabbitmq.conf'),
    [
      `listeners.tcp.default = 127.0.0.1:${options.amqpPort}`,
      'loopback_users.guest = true',
      // CI disks are small; the default 50 MB alarm would block publishers for reasons unrelated to the test.
      'disk_free_limit.absolute = 10MB',
      'log.console = false',
      'log.file.level = info',
      ...(options.definitions ? [`load_definitions = ${join(dir, 'definitions.json')}`] : []),
      '',
    ].join('\n'),
  );
  if (options.definitions) writeFileSync(join(dir, 'definitions.json'), JSON.stringify(options.definitions, null, 2));
  writeFileSync(join(dir, 'enabled_plugins'), '[rabbitmq_amqp1_0].\n');
  // An empty env file, so /etc/rabbitmq/rabbitmq-env.conf of the machine is not read.
  writeFileSync(join(dir, 'rabbitmq-env.conf'), '');

  const logFile = join(dir, 'log', 'rabbit.log');
  const inherited = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('RABBITMQ_') && !key.startsWith('ERL_')),
  );
  const env: NodeJS.ProcessEnv = {
    ...inherited,
    HOME: join(dir, 'home'), // the Erlang cookie lives in $HOME/.erlang.cookie
    RABBITMQ_CONF_ENV_FILE: join(dir, 'rabbitmq-env.conf'),
    RABBITMQ_NODENAME: nodeName,
    RABBITMQ_CONFIG_FILE: join(dir, 'rabbitmq.conf'),
    RABBITMQ_ADVANCED_CONFIG_FILE: join(dir, 'advanced.config'),
    RABBITMQ_ENABLED_PLUGINS_FILE: join(dir, 'enabled_plugins'),
    RABBITMQ_LOG_BASE: join(dir, 'log'),
    RABBITMQ_LOGS: logFile,
    RABBITMQ_MNESIA_BASE: join(dir, 'mnesia'),
    RABBITMQ_PID_FILE: join(dir, 'rabbitmq.pid'),
    RABBITMQ_NODE_IP_ADDRESS: '127.0.0.1',
    RABBITMQ_NODE_PORT: String(options.amqpPort),
    RABBITMQ_DIST_PORT: String(distPort),
    // Distribution listens on all interfaces unless told otherwise.
    RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS: '-kernel inet_dist_use_interface {127,0,0,1}',
    ERL_EPMD_PORT: String(epmdPort),
    ERL_EPMD_ADDRESS: '127.0.0.1',
    ERL_CRASH_DUMP: join(dir, 'erl_crash.dump'),
  };
  return { nodeName, distPort, epmdPort, logFile, startupLog: join(dir, 'log', 'startup.log'), env };
}

/** Starts the node and waits for "Server startup complete" in the log (after this start) and the AMQP port. */
async function launch(
  script: string,
  options: RabbitMqOptions,
  layout: Layout,
  timeoutMs: number,
  log: (line: string) => void,
): Promise<ChildProcess> {
  const logOffset = existsSync(layout.logFile) ? statSync(layout.logFile).size : 0;
  const out = openSync(layout.startupLog, 'a');
  // detached: its own process group, so kill() reaches beam.smp and its helpers, not only the wrapper script.
  const child = spawn(script, [], { cwd: options.dir, env: layout.env, detached: true, stdio: ['ignore', out, out] });
  closeSync(out);
  const exitGuard = () => signalGroup(child, 'SIGKILL'); // never leave a broker behind a crashed test run
  process.once('exit', exitGuard);
  child.once('exit', () => process.removeListener('exit', exitGuard));

  const started = Date.now();
  const deadline = started + timeoutMs;
  while (!(logContains(layout.logFile, logOffset, 'Server startup complete') && (await portOpen(options.amqpPort)))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`rabbitmq-server exited during start (${child.exitCode ?? child.signalCode}); see ${layout.startupLog} and ${layout.logFile}`);
    }
    if (Date.now() > deadline) {
      await killGroup(child);
      throw new Error(`rabbitmq-server was not ready within ${timeoutMs} ms; see ${layout.logFile}`);
    }
    await sleep(200);
  }
  log(`rabbitmq ${layout.nodeName} ready on 127.0.0.1:${options.amqpPort} in ${Date.now() - started} ms`);
  return child;
}

function logContains(file: string, offset: number, text: string): boolean {
  if (!existsSync(file)) return false;
  return readFileSync(file).subarray(offset).toString('utf8').includes(text);
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // the group is already gone
  }
}

/** The wrapper script turns SIGTERM into a clean broker shutdown and waits for it; SIGKILL after the grace period. */
async function terminate(child: ChildProcess, graceMs: number): Promise<void> {
  if (exited(child)) return;
  child.kill('SIGTERM');
  if (!(await waitForExit(child, graceMs))) await killGroup(child);
}

async function killGroup(child: ChildProcess): Promise<void> {
  signalGroup(child, 'SIGKILL');
  await waitForExit(child, 10_000);
  // beam.smp may outlive the wrapper by a moment; the group is gone once signalling it fails.
  for (let i = 0; i < 50; i++) {
    try {
      process.kill(-(child.pid as number), 0);
    } catch {
      return;
    }
    await sleep(100);
  }
}

async function stopEpmd(layout: Layout): Promise<void> {
  await run('epmd', ['-kill'], layout.env);
  for (let i = 0; i < 50 && (await portOpen(layout.epmdPort)); i++) await sleep(100);
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => resolve({ code: null, stdout, stderr: stderr + String(error) }));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function portOpen(port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.once('connect', () => done(true));
  });
}
