import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
  children?: number[];
}

interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** What a package or part of Node is called in a summary: `fastify`, `@nestjs/core`, `hub:pipeline`, `node:net`. */
function ownerOf(frame: ProfileNode['callFrame']): string {
  if (frame.functionName.startsWith('(')) return frame.functionName; // (garbage collector), (program)
  if (!frame.url) return '(native: syscalls, crypto, JSON)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(frame.url);
  if (pkg) return pkg[1];
  if (frame.url.startsWith('node:')) return `node:${frame.url.slice(5).split('/').slice(0, 2).join('/')}`;
  const hub = /\/(?:libs|apps)\/((?:sources\/)?[^/]+)/.exec(frame.url);
  return hub ? `hub:${hub[1]}` : frame.url.split('/').slice(-2).join('/');
}

export interface ProfileShare {
  owner: string;
  percent: number;
}

/**
 * A stretch of a profiled process's life, counted back from its last sample (when it exited): a process profiled from
 * its start can thus leave out its start-up. In ms before the end: `from` > `to`.
 */
export interface BeforeExit {
  fromMs: number;
  toMs: number;
}

/** Busy CPU time of the profiles in `dir`, by owner, largest first (idle time left out), optionally only `window`. */
export function summarizeProfiles(dir: string, window?: BeforeExit): { busySeconds: number; shares: ProfileShare[] } {
  return summarizeProfileFiles(
    readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).map((f) => join(dir, f)),
    window,
  );
}

/** `summarizeProfiles` for the given profile files. */
export function summarizeProfileFiles(files: readonly string[], window?: BeforeExit): { busySeconds: number; shares: ProfileShare[] } {
  const totals = new Map<string, number>();
  let busy = 0;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const at: number[] = [];
    profile.timeDeltas.reduce((t, delta, i) => (at[i] = t + delta), 0);
    const end = at.at(-1) ?? 0;
    profile.samples.forEach((id, i) => {
      if (window && (at[i] < end - window.fromMs * 1000 || at[i] > end - window.toMs * 1000)) return;
      const frame = byId.get(id)!.callFrame;
      if (frame.functionName === '(idle)') return;
      const us = profile.timeDeltas[i] ?? 0;
      busy += us;
      const owner = ownerOf(frame);
      totals.set(owner, (totals.get(owner) ?? 0) + us);
    });
  }
  const shares = [...totals].sort((a, b) => b[1] - a[1]).map(([owner, us]) => ({ owner, percent: Math.round((1000 * us) / busy) / 10 }));
  return { busySeconds: busy / 1e6, shares };
}

export function describeShares(shares: ProfileShare[], top = 10): string {
  return shares.slice(0, top).map((s) => `${s.owner} ${s.percent} %`).join(', ');
}
