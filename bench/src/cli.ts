import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { systemClock } from '@strata/common';
import { FULL_PLAN, QUICK_PLAN } from './plan.js';
import { payloadsFor, runTarget, type TargetResult } from './run-target.js';
import { renderReport } from './report/render.js';
import { analyseProfiles } from './profile/analyse-profiles.js';
import { measurePhysicalLimits, type PhysicalLimits } from './limits/physical-limits.js';
import { azuriteTarget } from './targets/azurite-target.js';
import { cephTarget } from './targets/ceph-target.js';
import { swiftTarget } from './targets/swift-target.js';
import { nginxTarget } from './targets/nginx-target.js';
import { s3rverTarget } from './targets/s3rver-target.js';
import { strataTarget } from './targets/strata-target.js';
import type { TargetFactory } from './targets/target.js';

const FACTORIES: TargetFactory[] = [strataTarget, cephTarget, swiftTarget, azuriteTarget, s3rverTarget, nginxTarget];
/** The sizes the profiler runs (with the 4 KiB hot-key and mixed phases): the small- and medium-object paths, where per-request CPU shows. */
const PROFILED_SIZES = ['4 KiB', '1 MiB'];

const USAGE = `usage: npm run bench -- [--quick] [--servers strata,ceph,swift,azurite,s3rver,nginx] [--out FILE.json] [--profile DIR]
  --quick     a smoke run of a few minutes (small counts)
  --servers   which servers to run, in order (default: all six)
  --out       where to write the JSON results (default: bench-results/bench-<date>.json)
  --sizes     which object sizes to run, e.g. 4KiB,1MiB (default: 4KiB,1MiB,64MiB)
  --no-list   skip the ListObjectsV2 measurement
  --strata-node-options=OPTS  NODE_OPTIONS for every Strata role (e.g. =--max-semi-space-size=64), to try runtime flags
  --profile   run only Strata's 4 KiB (with hot keys and 90/10) and 1 MiB phases with every role under V8's CPU profiler,
              write the profiles to DIR and print where each process spends its time`;

/** The environment that makes every role profile itself into `dir` (see cpu-profiler-preload.ts). */
function profilerEnv(dir: string, nodeOptions: string): Record<string, string> {
  const preload = fileURLToPath(new URL('./profile/cpu-profiler-preload.js', import.meta.url));
  return { NODE_OPTIONS: `${nodeOptions} --import=${preload}`.trim(), STRATA_BENCH_CPU_PROF_DIR: dir };
}

/** `npm run bench`: runs every server in turn, prints the tables, writes the JSON. Returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        quick: { type: 'boolean' },
        servers: { type: 'string' },
        out: { type: 'string' },
        profile: { type: 'string' },
        'strata-node-options': { type: 'string' },
        sizes: { type: 'string' },
        'no-list': { type: 'boolean' },
        help: { type: 'boolean' },
      },
    }));
  } catch (error) {
    process.stderr.write(`bench: ${(error as Error).message}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  const names = values.profile ? ['strata'] : (values.servers?.split(',').map((name) => name.trim()) ?? FACTORIES.map((f) => f.name));
  const unknown = names.filter((name) => !FACTORIES.some((f) => f.name === name));
  if (unknown.length > 0) {
    process.stderr.write(`bench: unknown server ${unknown.join(', ')}; choose from ${FACTORIES.map((f) => f.name).join(', ')}\n`);
    return 2;
  }
  const plan = values.quick ? QUICK_PLAN : FULL_PLAN;
  const sizeLabels = values.profile ? PROFILED_SIZES : values.sizes?.split(',').map((size) => size.trim().replace(/(\d)([KMG]iB)$/, '$1 $2'));
  const unknownSizes = sizeLabels?.filter((label) => !plan.sizes.some((size) => size.label === label)) ?? [];
  if (unknownSizes.length > 0) {
    process.stderr.write(`bench: unknown size ${unknownSizes.join(', ')}; choose from ${plan.sizes.map((size) => size.label.replace(' ', '')).join(', ')}\n`);
    return 2;
  }
  const date = new Date(systemClock.nowMs()).toISOString();
  const progress = (line: string): void => void process.stderr.write(`[${((performance.now() - began) / 1000).toFixed(0).padStart(4)} s] ${line}\n`);
  const began = performance.now();
  const profileDir = values.profile ? resolve(values.profile) : undefined;
  if (profileDir) await mkdir(profileDir, { recursive: true });
  const payloads = payloadsFor(plan);
  const nodeOptions = values['strata-node-options'] ?? '';
  const env = profileDir ? profilerEnv(profileDir, nodeOptions) : nodeOptions ? { NODE_OPTIONS: nodeOptions } : undefined;
  let limits: PhysicalLimits | undefined;
  if (!profileDir) {
    progress('measuring the disk (write + fdatasync) and loopback TCP');
    limits = await measurePhysicalLimits();
    progress(
      `fdatasync 1 MiB: ${limits.sync1MiB.mibPerSec.toFixed(0)} MiB/s; 4 KiB: ${limits.sync4KiB.syncsPerSec.toFixed(0)} syncs/s; loopback TCP ${limits.loopbackTcpMiBPerSec.toFixed(0)} MiB/s`,
    );
  }
  const results: TargetResult[] = [];
  // Ctrl-C stops the phase in progress and the server under test (its processes, its temp dir).
  const interrupt = new AbortController();
  process.once('SIGINT', () => {
    progress('interrupted: stopping the server under test');
    interrupt.abort(new Error('interrupted'));
  });
  for (const name of names) {
    const factory = FACTORIES.find((f) => f.name === name)!;
    results.push(
      await runTarget({
        factory,
        plan,
        payloads,
        progress,
        signal: interrupt.signal,
        ...(env ? { env } : {}),
        ...(sizeLabels ? { only: sizeLabels } : {}),
        skipList: Boolean(profileDir) || Boolean(values['no-list']),
      }),
    );
  }
  const machine = `${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
  const report = renderReport({ plan, results, date, machine, ...(limits ? { limits } : {}) });
  process.stdout.write(`\n${report}`);
  const out = resolve(values.out ?? join('bench-results', `bench-${date.replace(/[:.]/g, '-')}.json`));
  await mkdir(resolve(out, '..'), { recursive: true });
  await writeFile(out, `${JSON.stringify({ date, machine, plan, limits, results }, null, 2)}\n`);
  process.stdout.write(`\nresults: ${out}\n`);
  if (profileDir) {
    const analysis = await analyseProfiles({ dir: profileDir, results: results[0]! });
    await writeFile(join(profileDir, 'analysis.md'), analysis);
    process.stdout.write(`\n${analysis}\nprofiles and analysis: ${profileDir}\n`);
  }
  // A missed target is not a failure; an error is: a wrong answer from Strata, a server that died
  // or would not start. A peer's wrong answers are findings about the peer (s3rver answers 500 to
  // GETs racing an overwrite), listed in the report. A peer not installed is said, not fatal.
  const failed = results.some((r) => r.problems.length > 0 || r.notRun?.installed === true || (r.name === 'strata' && r.phases.some((p) => p.errorCount > 0)));
  return failed ? 1 : 0;
}
