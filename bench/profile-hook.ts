import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';

/**
 * Loaded into a hub process with `--import` when BENCH_CPU_PROFILE names a directory (see BenchStack.profiled):
 * the first SIGWINCH (ignored by default and not one of Nest's shutdown signals) starts the V8 sampling profiler, the next one writes `<label>.cpuprofile` there, so a profile
 * covers exactly one measured window (no start-up, no warm-up) and the process keeps running.
 */
const dir = process.env.BENCH_CPU_PROFILE;
if (dir) {
  const session = new Session();
  session.connect();
  let running = false;
  let count = 0;
  process.on('SIGWINCH', () => {
    void (async () => {
      if (!running) {
        running = true;
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 200 });
        await session.post('Profiler.start');
        return;
      }
      running = false;
      const { profile } = await session.post('Profiler.stop');
      const label = process.env.BENCH_PROFILE_LABEL ?? 'process';
      writeFileSync(join(dir, `${label}-${process.pid}-${++count}.cpuprofile`), JSON.stringify(profile));
    })();
  });
}
