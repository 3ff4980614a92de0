import { assert, HotKeys, type Clock } from '@strata/common';

/** How long a front-end may answer GETs of a blob from its copy of the record. */
export const CACHE_LEASE_MS = 500;
/** A key earns leases once read this many times within CACHE_LEASE_MS. */
export const HOT_READS_MIN = 4;
/** Keys whose reads are counted at once; leases are held for at most as many. */
const KEYS_TRACKED = 4_096;
/** Below this much time left before the server's read fence may lapse, it grants no lease. */
const FENCE_MARGIN_MS = 250;

/**
 * Read leases on blob records, for the front-ends' record caches (the read path's half of the
 * hot-blob cache; docs/data-plane.md, "Hot blobs without the index"). A front-end that holds a
 * lease on a key answers its GETs from its copy of the record, without asking this server,
 * until the lease ends. So while any lease on a key is live, no write of that key may commit:
 * a write first stops new leases on its key, then waits out the live ones. Linearizability
 * follows: a lease is granted before the record is read, and nothing changes the record
 * until the lease ends, so every answer from a copy is one the index would have given.
 *
 * The guarantees that outlive one partition instance:
 * - a lease ends before the server's read fence may lapse, so a new owner on another server,
 *   which waits out that fence (read-fence.ts), never commits while one is live;
 * - a new instance (a reload, a split or merge child, a restart under the same id) commits no
 *   write until CACHE_LEASE_MS after it was made, so leases an instance it replaced granted
 *   have ended;
 * - an instance stops granting once it quiesces or closes, before its successors exist.
 * Compaction rewrites records under leases: the bytes stay the same and the extents the old
 * pointers name outlive any lease by the garbage grace period.
 */
export class CacheLeases {
  /** Key → monotonic time its last lease ends. */
  private readonly leases = new Map<string, number>();
  /** Key → writes of it waiting for or running their commit: no lease while any is. */
  private readonly writing = new Map<string, number>();
  private readonly hot: HotKeys;
  private readonly writableFromMs: number;
  private granting = true;

  constructor(private readonly deps: { clock: Clock; servingForMs: () => number }) {
    this.hot = new HotKeys({ clock: deps.clock, windowMs: CACHE_LEASE_MS, readsMin: HOT_READS_MIN, tracked: KEYS_TRACKED });
    this.writableFromMs = deps.clock.monotonicMs() + CACHE_LEASE_MS;
  }

  /**
   * Counts a read of `key` and, if the key is hot and no write of it is under way, grants a
   * lease: its length in milliseconds, or 0 for none. Call before reading the record.
   */
  grant(key: Buffer): number {
    const id = key.toString('latin1');
    if (!this.hot.read(id) || !this.granting || this.writing.has(id)) return 0;
    const leaseMs = Math.min(CACHE_LEASE_MS, this.deps.servingForMs() - FENCE_MARGIN_MS);
    if (leaseMs <= 0) return 0;
    const endsMs = this.deps.clock.monotonicMs() + leaseMs;
    this.leases.set(id, Math.max(endsMs, this.leases.get(id) ?? 0));
    if (this.leases.size > KEYS_TRACKED) this.dropEnded();
    return leaseMs;
  }

  /**
   * Runs `write` (a commit of `key`'s record) once no lease on the key is live: new leases
   * stop at once, the live ones are waited out (at most CACHE_LEASE_MS).
   */
  async write<Result>(key: Buffer, write: () => Promise<Result>): Promise<Result> {
    const id = key.toString('latin1');
    this.writing.set(id, (this.writing.get(id) ?? 0) + 1);
    try {
      for (;;) {
        const waitMs = Math.max(this.leases.get(id) ?? 0, this.writableFromMs) - this.deps.clock.monotonicMs();
        if (waitMs <= 0) break;
        await this.deps.clock.sleep(waitMs);
      }
      this.leases.delete(id);
      return await write();
    } finally {
      const left = this.writing.get(id)! - 1;
      if (left === 0) this.writing.delete(id);
      else this.writing.set(id, left);
    }
  }

  /** Asserts, inside a commit of `key`'s record, that the commit went through `write`. */
  checkWritable(key: Buffer): void {
    const id = key.toString('latin1');
    const now = this.deps.clock.monotonicMs();
    assert(this.writing.has(id), `a write of ${JSON.stringify(id)} commits without stopping its cache leases`);
    assert((this.leases.get(id) ?? 0) <= now, `a write of ${JSON.stringify(id)} commits while a cache lease on it is live`);
    assert(now >= this.writableFromMs, `a write of ${JSON.stringify(id)} commits before leases of the instance this one replaced have ended`);
  }

  /** No more leases: the partition quiesces (a split or merge) or closes. */
  stop(): void {
    this.granting = false;
  }

  resume(): void {
    this.granting = true;
  }

  private dropEnded(): void {
    const now = this.deps.clock.monotonicMs();
    for (const [id, endsMs] of this.leases) if (endsMs <= now) this.leases.delete(id);
  }
}
