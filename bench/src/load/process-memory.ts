import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** How often the sampler reads /proc: often enough to see every phase, cheap enough to be noise. */
const SAMPLE_INTERVAL_MS = 250;

/**
 * The direct children of `pid` (Linux /proc), e.g. nginx's workers or the etcd binary under its
 * guard. Each thread lists the children it forked, and Node forks from a libuv thread, so every
 * thread of the process is read.
 */
export function childPids(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) => {
      try {
        return readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}

/** A server's processes and their direct children (labelled `parent/command`). */
export function withChildren(processes: { label: string; pid: number }[]): { label: string; pid: number }[] {
  return processes.flatMap(({ label, pid }) => [{ label, pid }, ...childPids(pid).map((child) => ({ label: `${label}/${commOf(child)}`, pid: child }))]);
}

let clockTicksPerSecond: number | undefined;

/** CPU time (user + system, every thread) a process has used so far, in seconds; undefined once it is gone. */
export function readCpuSeconds(pid: number): number | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // Fields after the command (which may hold spaces): state is field 3, utime 14, stime 15.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  clockTicksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return (Number(fields[11]) + Number(fields[12])) / clockTicksPerSecond;
}

/** CPU seconds used so far by each labelled process (processes sharing a label are summed). */
export function cpuSnapshot(processes: { label: string; pid: number }[]): Map<string, number> {
  const seconds = new Map<string, number>();
  for (const { label, pid } of withChildren(processes)) {
    const used = readCpuSeconds(pid);
    if (used !== undefined) seconds.set(label, (seconds.get(label) ?? 0) + used);
  }
  return seconds;
}

/** VmHWM (peak resident set) and VmRSS of a process in KiB, or undefined once it is gone. */
export function readMemoryKiB(pid: number): { peakKiB: number; rssKiB: number } | undefined {
  let status: string;
  try {
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const field = (name: string): number => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
  return { peakKiB: field('VmHWM'), rssKiB: field('VmRSS') };
}

export interface ProcessPeak {
  label: string;
  pid: number;
  /** The highest VmHWM read: the process's peak resident set over its life so far. */
  peakRssMiB: number;
}

/**
 * Samples the peak RSS of a server's processes (and their children) while the bench runs.
 * VmHWM is itself a high-water mark; sampling during the run still catches processes that are
 * restarted or gone by the end.
 */
export class MemorySampler {
  private readonly peaks = new Map<number, ProcessPeak>();
  /** Highest VmRSS per process label since beginPhase, in MiB. */
  private phaseRss = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly processes: () => { label: string; pid: number }[]) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), SAMPLE_INTERVAL_MS);
    this.timer.unref();
  }

  /** Starts tracking the highest current RSS of each process, for one phase. */
  beginPhase(): void {
    this.phaseRss = new Map();
    this.sample();
  }

  /** The highest RSS (VmRSS, MiB) each process reached since beginPhase. */
  endPhase(): Record<string, number> {
    this.sample();
    return Object.fromEntries(this.phaseRss);
  }

  /** Stops sampling (after one last sample) and returns each process's peak, highest first. */
  stop(): ProcessPeak[] {
    clearInterval(this.timer);
    this.sample();
    return [...this.peaks.values()].sort((a, b) => b.peakRssMiB - a.peakRssMiB);
  }

  private sample(): void {
    for (const { label, pid } of withChildren(this.processes())) {
      const memory = readMemoryKiB(pid);
      if (!memory) continue;
      const peakRssMiB = memory.peakKiB / 1024;
      this.phaseRss.set(label, Math.max(this.phaseRss.get(label) ?? 0, memory.rssKiB / 1024));
      const known = this.peaks.get(pid);
      if (!known || known.peakRssMiB < peakRssMiB) this.peaks.set(pid, { label, pid, peakRssMiB });
    }
  }
}

function commOf(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return String(pid);
  }
}
