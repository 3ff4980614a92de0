import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TargetResult } from '../run-target.js';
import { fmt } from '../report/targets.js';
import { loadSamples, type Sample } from './cpu-profile.js';

/** Functions listed per process and phase: enough to see the shape, short enough to read. */
const TOP_FUNCTIONS = 15;
/** Owners (packages, layers) listed per process and phase. */
const TOP_OWNERS = 10;
/** Frames that are not the process working: V8's idle marker. */
const IDLE = '(idle)';

const REPO_ROOT = fileURLToPath(new URL('../../..', import.meta.url)).replace(/\/$/, '');

interface ProcessProfile {
  label: string;
  pid: number;
  samples: Sample[];
}

/** `CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile`, as node --cpu-prof names them. */
const pidOfFile = (name: string): number | undefined => {
  const match = /^CPU\.\d+\.\d+\.(\d+)\.\d+\.\d+\.cpuprofile$/.exec(name);
  return match ? Number(match[1]) : undefined;
};

function rank<Key>(samples: Sample[], key: (sample: Sample) => Key): [Key, number][] {
  const totals = new Map<Key, number>();
  for (const sample of samples) totals.set(key(sample), (totals.get(key(sample)) ?? 0) + sample.durationUs);
  return [...totals.entries()].sort((a, b) => b[1] - a[1]);
}

const sum = (samples: Sample[]): number => samples.reduce((total, sample) => total + sample.durationUs, 0);

/** The busy (non-idle) samples of one process inside a time window on the monotonic clock. */
function busyIn(samples: Sample[], fromUs: number, toUs: number): Sample[] {
  return samples.filter((sample) => sample.atUs >= fromUs && sample.atUs < toUs && sample.frame !== IDLE);
}

/** One phase's section: CPU per request for every process, then each process's top functions. */
function phaseSection(profiles: ProcessProfile[], phase: TargetResult['phases'][number]): string {
  const fromUs = Number(BigInt(phase.startedAtNs) / 1000n);
  const toUs = Number(BigInt(phase.endedAtNs) / 1000n);
  const wallUs = toUs - fromUs;
  const lines = [`### ${phase.op} ${phase.label}: ${phase.completed} requests in ${fmt(phase.elapsedMs / 1000)} s (${fmt(phase.opsPerSec)} ops/s)`, ''];
  lines.push('| process | CPU s | CPU % of one core | CPU µs per request | GC % of its CPU |', '| --- | --- | --- | --- | --- |');
  const busyByProcess = profiles.map((profile) => ({ profile, busy: busyIn(profile.samples, fromUs, toUs) }));
  let totalUs = 0;
  for (const { profile, busy } of busyByProcess) {
    const cpuUs = sum(busy);
    totalUs += cpuUs;
    const gcUs = sum(busy.filter((sample) => sample.frame === '(garbage collector)'));
    lines.push(`| ${profile.label} | ${fmt(cpuUs / 1e6)} | ${fmt((100 * cpuUs) / wallUs)} | ${fmt(cpuUs / Math.max(1, phase.completed))} | ${fmt(cpuUs ? (100 * gcUs) / cpuUs : 0)} |`);
  }
  lines.push(`| **all** | ${fmt(totalUs / 1e6)} | ${fmt((100 * totalUs) / wallUs)} | ${fmt(totalUs / Math.max(1, phase.completed))} | |`, '');
  for (const { profile, busy } of busyByProcess) {
    const cpuUs = sum(busy);
    if (cpuUs === 0) continue;
    const pct = (us: number): string => `${fmt((100 * us) / cpuUs)}%`;
    lines.push(`#### ${profile.label} — ${phase.op} ${phase.label}`, '');
    lines.push(`By owner: ${rank(busy, (s) => s.owner).slice(0, TOP_OWNERS).map(([owner, us]) => `${owner} ${pct(us)}`).join(', ')}`, '');
    lines.push('| self % | self µs/request | function |', '| --- | --- | --- |');
    for (const [frame, us] of rank(busy, (s) => s.frame).slice(0, TOP_FUNCTIONS)) {
      lines.push(`| ${pct(us)} | ${fmt(us / Math.max(1, phase.completed))} | \`${frame}\` |`);
    }
    lines.push('');
  }
  return lines.join('\n');
}

/**
 * Reads every .cpuprofile in `dir` (one per role process, named by pid), cuts each into the
 * bench phases by the monotonic clock the phases were timed with, and reports per phase and
 * process: CPU time per request, GC share, self time by package and by function.
 */
export async function analyseProfiles(options: { dir: string; results: TargetResult }): Promise<string> {
  const labels = new Map(options.results.memory.map((p) => [p.pid, p.label]));
  const profiles: ProcessProfile[] = [];
  for (const name of (await readdir(options.dir)).sort()) {
    const pid = pidOfFile(name);
    if (pid === undefined) continue;
    profiles.push({ label: labels.get(pid) ?? `pid ${pid}`, pid, samples: await loadSamples(join(options.dir, name), REPO_ROOT) });
  }
  profiles.sort((a, b) => a.label.localeCompare(b.label));
  if (profiles.length === 0) return `No .cpuprofile files in ${options.dir}: did the roles exit cleanly?\n`;
  const head = [
    `## CPU profiles of Strata's processes (${profiles.map((p) => p.label).join(', ')})`,
    '',
    'Self time from `node --cpu-prof` samples inside each phase; "CPU % of one core" above 100 is impossible for one process (one JS thread, plus libuv threads the profile does not see).',
    '',
  ];
  return `${[...head, ...options.results.phases.map((phase) => phaseSection(profiles, phase))].join('\n')}\n`;
}
