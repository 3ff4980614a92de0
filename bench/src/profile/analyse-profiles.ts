import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchPhase, TargetResult } from '../run-target.js';
import { fmt } from '../report/targets.js';
import { loadSamples, type Sample } from './cpu-profile.js';

/** Functions listed per process and phase: enough to see the shape, short enough to read. */
const TOP_FUNCTIONS = 15;
/** Owners (packages, layers) listed per process and phase. */
const TOP_OWNERS = 10;
/** Processes below this CPU per request get no per-function table (the managers, mostly idle). */
const MIN_CPU_US_PER_REQUEST = 50;
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
  const counts = new Map<Key, number>();
  for (const sample of samples) counts.set(key(sample), (counts.get(key(sample)) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1]);
}

/** The busy (non-idle) samples of one process inside a time window on the monotonic clock. */
function busyIn(samples: Sample[], fromUs: number, toUs: number): Sample[] {
  return samples.filter((sample) => sample.atUs >= fromUs && sample.atUs < toUs && sample.frame !== IDLE);
}

/**
 * One phase's section: CPU per request of every process (from /proc, so exact and inclusive of
 * libuv and GC threads), then each busy process's self time by owner and by function (shares
 * of its busy samples, applied to its CPU per request).
 */
function phaseSection(profiles: ProcessProfile[], phase: BenchPhase): string {
  const fromUs = Number(BigInt(phase.startedAtNs) / 1000n);
  const toUs = Number(BigInt(phase.endedAtNs) / 1000n);
  const requests = Math.max(1, phase.completed);
  const lines = [`### ${phase.op} ${phase.label}: ${phase.completed} requests in ${fmt(phase.elapsedMs / 1000)} s (${fmt(phase.opsPerSec)} ops/s)`, ''];
  lines.push('| process | CPU s | CPU % of one core | CPU µs per request | JS thread busy % | GC % of busy |', '| --- | --- | --- | --- | --- | --- |');
  const rows = profiles.map((profile) => ({
    profile,
    busy: busyIn(profile.samples, fromUs, toUs),
    all: profile.samples.filter((sample) => sample.atUs >= fromUs && sample.atUs < toUs).length,
    cpuSeconds: phase.cpuSeconds[profile.label] ?? 0,
  }));
  for (const { profile, busy, all, cpuSeconds } of rows) {
    const gc = busy.filter((sample) => sample.frame === '(garbage collector)').length;
    const busyPct = all ? fmt((100 * busy.length) / all) : 'no samples';
    lines.push(
      `| ${profile.label} | ${fmt(cpuSeconds)} | ${fmt((100 * cpuSeconds * 1000) / phase.elapsedMs)} | ${fmt((1e6 * cpuSeconds) / requests)} | ${busyPct} | ${fmt(busy.length ? (100 * gc) / busy.length : 0)} |`,
    );
  }
  const total = rows.reduce((sum, row) => sum + row.cpuSeconds, 0);
  lines.push(`| **all** | ${fmt(total)} | ${fmt((100 * total * 1000) / phase.elapsedMs)} | ${fmt((1e6 * total) / requests)} | | |`, '');
  for (const { profile, busy, cpuSeconds } of rows.filter((row) => row.busy.length > 0 && (1e6 * row.cpuSeconds) / requests >= MIN_CPU_US_PER_REQUEST)) {
    const usPerRequest = (count: number): string => fmt((1e6 * cpuSeconds * count) / busy.length / requests);
    const pct = (count: number): string => `${fmt((100 * count) / busy.length)}%`;
    lines.push(`#### ${profile.label} — ${phase.op} ${phase.label}`, '');
    lines.push(
      `By owner: ${rank(busy, (s) => s.owner)
        .slice(0, TOP_OWNERS)
        .map(([owner, count]) => `${owner} ${pct(count)}`)
        .join(', ')}`,
      '',
    );
    lines.push('| self % | ≈ µs/request | function |', '| --- | --- | --- |');
    for (const [frame, count] of rank(busy, (s) => s.frame).slice(0, TOP_FUNCTIONS)) lines.push(`| ${pct(count)} | ${usPerRequest(count)} | \`${frame}\` |`);
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
    'CPU time per process from /proc (user + system, every thread). Self-time shares from V8 CPU-profile samples of the main JS thread inside each phase, counted (1 ms period); "≈ µs/request" applies a share to the process\'s CPU per request, so it also spreads the libuv-thread time (fs writes, fdatasync, crypto) the JS profile cannot see.',
    '',
  ];
  return `${[...head, ...options.results.phases.map((phase) => phaseSection(profiles, phase))].join('\n')}\n`;
}
