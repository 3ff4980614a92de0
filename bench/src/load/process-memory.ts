import { readFileSync } from 'node:fs';

/** How often the sampler reads /proc: often enough to see every phase, cheap enough to be noise. */
const SAMPLE_INTERVAL_MS = 250;

/** The direct children of `pid` (Linux /proc), e.g. nginx's workers or the etcd binary under its guard. */
export function childPids(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
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
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly processes: () => { label: string; pid: number }[]) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), SAMPLE_INTERVAL_MS);
    this.timer.unref();
  }

  /** Stops sampling (after one last sample) and returns each process's peak, highest first. */
  stop(): ProcessPeak[] {
    clearInterval(this.timer);
    this.sample();
    return [...this.peaks.values()].sort((a, b) => b.peakRssMiB - a.peakRssMiB);
  }

  private sample(): void {
    for (const { label, pid } of this.processes()) {
      for (const [name, id] of [[label, pid], ...childPids(pid).map((child) => [`${label}/${commOf(child)}`, child] as const)] as const) {
        const memory = readMemoryKiB(id);
        if (!memory) continue;
        const peakRssMiB = memory.peakKiB / 1024;
        const known = this.peaks.get(id);
        if (!known || known.peakRssMiB < peakRssMiB) this.peaks.set(id, { label: name, pid: id, peakRssMiB });
      }
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
