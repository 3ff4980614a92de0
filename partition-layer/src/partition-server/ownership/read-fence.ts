import type { Clock } from '@strata/common';
import type { partitionV1 } from '@strata/protos';
import { PartitionError } from '../../errors.js';
import { HANDOVER_MARGIN_MS, MAP_FRESH_MS } from '../../limits.js';

/** Below this much lease left, a server serves nothing: it may be paused any moment. */
export const LEASE_MARGIN_MS = 1_000;

/**
 * Fences a partition server's reads by time, as sealing fences its writes. A server serves
 * only while its last confirmed read of the partition map began less than MAP_FRESH_MS ago;
 * a partition's new owner serves only MAP_FRESH_MS (plus a margin) after it read its
 * assignment. So a former owner whose watch lags or stalls, or that was paused, has stopped
 * serving before the new owner acknowledges its first write, and no read it answers misses a
 * write acknowledged before the read began.
 */
export class ReadFence {
  /** When (monotonic) the last read of the map that succeeded began. */
  private confirmedFromMs = -Infinity;

  constructor(private readonly deps: { clock: Clock; serverId: string; leaseValidForMs: () => number }) {}

  /** A read of the whole map that began at `fromMs` (monotonic) succeeded. */
  confirmed(fromMs: number): void {
    this.confirmedFromMs = Math.max(this.confirmedFromMs, fromMs);
  }

  /** Whether the copy of the map may have missed a move by now. */
  stale(): boolean {
    return this.deps.clock.monotonicMs() - this.confirmedFromMs >= MAP_FRESH_MS;
  }

  /**
   * How much longer this server may surely serve (monotonic ms; 0 or less: it may not now):
   * until its copy of the map may be stale, or its lease may be within the margin. A cache
   * lease it grants ends before this, so a new owner's handover wait outlasts it too.
   */
  validForMs(): number {
    const mapFreshForMs = this.confirmedFromMs + MAP_FRESH_MS - this.deps.clock.monotonicMs();
    return Math.min(mapFreshForMs, this.deps.leaseValidForMs() - LEASE_MARGIN_MS);
  }

  /** Throws unless the lease and the copy of the map are both surely current. */
  check(): void {
    if (this.deps.leaseValidForMs() < LEASE_MARGIN_MS) throw new PartitionError('NOT_OWNER', 'this server cannot be sure it still holds its lease');
    if (this.stale()) throw new PartitionError('NOT_OWNER', 'this server cannot confirm that its partition map is current');
  }

  /**
   * When (monotonic) a partition whose assignment `current` was just read may start serving:
   * at once if nobody else served it before (a new partition, or one this server split or
   * merged), else once the previous owner's fence has surely expired.
   */
  handoverEndsMs(current: partitionV1.Partition__Output): number {
    const previous = current.previousOwnerId ?? '';
    if (previous === '' || previous === this.deps.serverId) return 0;
    return this.deps.clock.monotonicMs() + MAP_FRESH_MS + HANDOVER_MARGIN_MS;
  }
}
