import { readFileSync } from 'node:fs';
import { summarizeProfileFiles } from './cpu-profile-summary.js';

/**
 * `node dist/bench/profile-summary.js <file.cpuprofile> [top]`: the functions with the most self time, and the
 * same time summed by package or source folder, so a profile can be read without DevTools.
 */
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

const [file, topArg] = process.argv.slice(2);
const top = Number(topArg ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
const total = [...self.values()].reduce((a, b) => a + b, 0);

const fnTotals = new Map<string, number>();
for (const [id, us] of self) {
  const { functionName, url, lineNumber } = byId.get(id)!.callFrame;
  const key = `${functionName || '(anonymous)'}  ${url.replace(/^.*\/(node_modules|dist)\//, '$1/')}:${lineNumber + 1}`;
  fnTotals.set(key, (fnTotals.get(key) ?? 0) + us);
}
const pct = (us: number) => `${((100 * us) / total).toFixed(1).padStart(5)} %`;
console.log(`${file}: ${(total / 1e6).toFixed(2)} s sampled`);
console.log('\nby owner (self time, idle left out):');
for (const { owner, percent } of summarizeProfileFiles([file]).shares.slice(0, 20)) console.log(`${percent.toFixed(1).padStart(5)} %  ${owner}`);
console.log('\ntop functions (self time):');
for (const [key, us] of [...fnTotals].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${pct(us)}  ${key}`);

// Inclusive time of the functions named on the command line after `top` (a sample counts once per name).
const names = process.argv.slice(4);
if (names.length) {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  console.log('\ninclusive time:');
  for (const name of names) {
    let us = 0;
    profile.samples.forEach((id, i) => {
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
        if (byId.get(n)!.callFrame.functionName === name) {
          us += profile.timeDeltas[i] ?? 0;
          break;
        }
      }
    });
    console.log(`${pct(us)}  ${name}`);
  }
}
