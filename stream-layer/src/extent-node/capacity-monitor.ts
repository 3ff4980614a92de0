import type { Clock, Logger, Registration } from '@strata/common';
import type { NodeRecord } from '../etcd-keys.js';
import type { ReplicaDisk } from './replica-disk.js';

/**
 * Keeps the node's registration telling how much room it has: the stream manager places no
 * new extent on a node that says it is full. Measured periodically, and at once after a write
 * failed (a full disk is the usual reason).
 */
export class CapacityMonitor {
  private last: { freeBytes: number; full: boolean } | undefined;
  private timer: NodeJS.Timeout | undefined;
  private checking: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: {
      record: NodeRecord;
      registration: Registration;
      disk: ReplicaDisk;
      fullBelowBytes: number;
      intervalMs: number;
      clock: Clock;
      log: Logger;
    },
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.check(), this.deps.intervalMs);
    this.timer.unref();
    void this.check();
  }

  /** Measures now and updates the registration if the picture changed. */
  check(): Promise<void> {
    this.checking = this.checking.then(() => this.measure()).catch((error: unknown) => this.deps.log.warn({ err: error }, 'free space check failed'));
    return this.checking;
  }

  private async measure(): Promise<void> {
    const free = await this.deps.disk.freeBytes();
    const full = free < this.deps.fullBelowBytes;
    const changed = !this.last || this.last.full !== full || Math.abs(this.last.freeBytes - free) > 16 * 1024 * 1024;
    if (!changed) return;
    if (full && !this.last?.full) this.deps.log.error({ freeBytes: free, fullBelowBytes: this.deps.fullBelowBytes }, 'node is full: no new extents here');
    if (!full && this.last?.full) this.deps.log.info({ freeBytes: free }, 'node has room again');
    this.last = { freeBytes: free, full };
    await this.deps.registration.update(JSON.stringify({ ...this.deps.record, freeBytes: free, full } satisfies NodeRecord));
  }

  get full(): boolean {
    return this.last?.full ?? false;
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
