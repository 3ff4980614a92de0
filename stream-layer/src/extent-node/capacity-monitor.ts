import type { Logger, Registration } from '@strata/common';
import type { NodeRecord } from '../etcd-keys.js';
import type { ReplicaDisk } from './replica-disk.js';

/** A change of free space worth telling the stream manager about. */
const REPORTED_CHANGE_BYTES = 16 * 1024 * 1024;

/**
 * Keeps the node's registration telling how much room it has: the stream manager places no
 * new extent on a node that says it is full. Its `measure` runs as the node's `capacity`
 * worker, periodically and at once after a write failed (a full disk is the usual reason).
 */
export class CapacityMonitor {
  private last: { freeBytes: number; full: boolean } | undefined;

  constructor(
    private readonly deps: {
      record: NodeRecord;
      registration: Registration;
      disk: ReplicaDisk;
      fullBelowBytes: number;
      log: Logger;
    },
  ) {}

  /** Measures now and updates the registration if the picture changed. */
  async measure(): Promise<void> {
    const free = await this.deps.disk.freeBytes();
    const full = free < this.deps.fullBelowBytes;
    const changed = !this.last || this.last.full !== full || Math.abs(this.last.freeBytes - free) > REPORTED_CHANGE_BYTES;
    if (!changed) return;
    if (full && !this.last?.full) this.deps.log.error({ freeBytes: free, fullBelowBytes: this.deps.fullBelowBytes }, 'node is full: no new extents here');
    if (!full && this.last?.full) this.deps.log.info({ freeBytes: free }, 'node has room again');
    this.last = { freeBytes: free, full };
    await this.deps.registration.update(JSON.stringify({ ...this.deps.record, freeBytes: free, full } satisfies NodeRecord));
  }

  get full(): boolean {
    return this.last?.full ?? false;
  }
}
