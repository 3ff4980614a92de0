// Preloaded into every Strata role by `npm run bench -- --profile DIR` through
// NODE_OPTIONS=--import=<this file> (Node 20 refuses --cpu-prof in NODE_OPTIONS, and the
// launcher forks roles with execArgv: []). It does what --cpu-prof does: starts V8's sampling
// profiler at load and writes DIR/CPU.<date>.<time>.<pid>.0.001.cpuprofile when the process
// exits (roles exit through process.exit after a clean stop).
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

/** V8's sampling period, as node --cpu-prof's default: fine enough for per-request costs. */
const SAMPLING_INTERVAL_US = 1000;

const dir = process.env.STRATA_BENCH_CPU_PROF_DIR;
if (dir) {
  const session = new Session();
  session.connect();
  session.post('Profiler.enable');
  session.post('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
  session.post('Profiler.start');
  process.once('exit', () => {
    // A session on the main thread answers synchronously, so this completes inside 'exit'.
    session.post('Profiler.stop', (error, result) => {
      if (error) return;
      const stamp = new Date().toISOString().replace(/[-:]/g, '').replace('T', '.').slice(0, 15);
      writeFileSync(join(dir, `CPU.${stamp}.${process.pid}.0.001.cpuprofile`), JSON.stringify(result.profile));
    });
  });
}
