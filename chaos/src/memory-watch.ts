import { readFile } from 'node:fs/promises';
import type { ProcessInfo } from '@strata/deploy';

/** How often the watch reads every process's memory: often enough to see a growth, cheap enough for two cores. */
export const MEMORY_SAMPLE_INTERVAL_MS = 5_000;

/** Peak resident memory of one process of the stamp over the run (over every restart of it), in MiB. */
export interface PeakRss {
  id: string;
  role: string;
  peakMiB: number;
}

/**
 * Watches the resident memory of every process of the stamp while a run lasts: a process that
 * grows without bound under faults (retry loops, leases, channels to dead nodes) shows here
 * long before the machine runs out. Reads VmHWM (the kernel's own peak since the process
 * started), so a peak between two samples is not missed; a restarted process starts again
 * from zero and the larger of its lives counts.
 */
export class MemoryWatch {
  private readonly peaks = new Map<string, PeakRss>();
  private timer: NodeJS.Timeout | undefined;
  private sampling: Promise<void> = Promise.resolve();

  constructor(private readonly processes: () => readonly ProcessInfo[]) {}

  start(): void {
    this.timer = setInterval(() => {
      this.sampling = this.sample();
    }, MEMORY_SAMPLE_INTERVAL_MS);
    this.timer.unref();
  }

  /** Takes a last sample and stops; returns every process's peak, largest first. */
  async stop(): Promise<PeakRss[]> {
    clearInterval(this.timer);
    await this.sampling;
    await this.sample();
    return this.report();
  }

  report(): PeakRss[] {
    return [...this.peaks.values()].sort((a, b) => b.peakMiB - a.peakMiB || a.id.localeCompare(b.id));
  }

  async sample(): Promise<void> {
    await Promise.all(
      this.processes().map(async (info) => {
        const peakMiB = await peakRssMiB(info.pid);
        if (peakMiB === undefined) return;
        const known = this.peaks.get(info.id);
        if (!known || known.peakMiB < peakMiB) this.peaks.set(info.id, { id: info.id, role: info.role, peakMiB });
      }),
    );
  }
}

/** The peak of each role's processes: `{ 'extent-node': 1400, etcd: 2000, ... }`. */
export function peakByRole(peaks: readonly PeakRss[]): Record<string, number> {
  const byRole: Record<string, number> = {};
  for (const peak of peaks) byRole[peak.role] = Math.max(byRole[peak.role] ?? 0, peak.peakMiB);
  return byRole;
}

/** VmHWM of a live process in MiB; undefined when it is gone (killed by the nemesis) or not Linux. */
async function peakRssMiB(pid: number): Promise<number | undefined> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => undefined);
  const match = status === undefined ? null : /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Math.round(Number(match[1]) / 1024) : undefined;
}
