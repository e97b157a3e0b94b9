import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { HubRole } from '@hub/config';
import { stopChild } from '@hub/dev-stack';

const ENTRY: Record<HubRole, string> = {
  api: fileURLToPath(new URL('../../api/src/main.js', import.meta.url)),
  worker: fileURLToPath(new URL('../../worker/src/main.js', import.meta.url)),
};

/** Runs each role as its own child process and restarts one that dies, until stopped. */
export class RoleSupervisor {
  private readonly children = new Map<HubRole, ChildProcess>();
  private stopping = false;
  private readonly crashes: number[] = [];

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly onGiveUp: (reason: string) => void,
  ) {}

  start(role: HubRole): void {
    const child = fork(ENTRY[role], [], { env: this.env, stdio: 'inherit' });
    this.children.set(role, child);
    child.once('exit', (code, signal) => {
      if (this.stopping) return;
      const now = Date.now();
      this.crashes.push(now);
      while (this.crashes[0] < now - 30_000) this.crashes.shift();
      if (this.crashes.length > 5) return this.onGiveUp(`the ${role} process keeps exiting (last: ${signal ?? code})`);
      console.error(`[hub] ${role} exited (${signal ?? code}); restarting`);
      setTimeout(() => !this.stopping && this.start(role), 1_000);
    });
  }

  /** SIGTERM to every role; each finishes its in-flight work (30 s at most) before exiting. */
  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.children.values()].map((child) => stopChild(child, 30_000)));
  }
}
