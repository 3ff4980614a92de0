import type { Clock } from './clock.js';

interface Count {
  reads: number;
  sinceMs: number;
  /** Reads in the window just before this one (0 if that window saw none, or was longer ago). */
  previousReads: number;
}

/**
 * Which keys are read often right now: a count of reads per key over a short window, for at
 * most `tracked` keys (the least recently counted go first). Only a hot key earns a cache
 * lease, because a lease makes the next write of its key wait; a key read now and then is
 * cheaper to read from the index every time than to slow its writer. A key hot in the window
 * just past stays hot while a new window fills, so a steadily hot key is never cold for the
 * few reads that start each window.
 */
export class HotKeys {
  private readonly counts = new Map<string, Count>();

  constructor(private readonly options: { clock: Clock; windowMs: number; readsMin: number; tracked: number }) {}

  /** Counts one read of `key`; whether it has been read `readsMin` times within this window or the one before. */
  read(key: string): boolean {
    const now = this.options.clock.monotonicMs();
    const { windowMs, readsMin } = this.options;
    const count = this.counts.get(key);
    if (count && now - count.sinceMs < windowMs) {
      count.reads++;
      return count.reads >= readsMin || count.previousReads >= readsMin;
    }
    // The window just past counts on only if it ended less than a window ago.
    const previousReads = count && now - count.sinceMs < 2 * windowMs ? count.reads : 0;
    // Inserted anew, so the oldest counts are the first in the map's order.
    this.counts.delete(key);
    this.counts.set(key, { reads: 1, sinceMs: now, previousReads });
    if (this.counts.size > this.options.tracked) this.counts.delete(this.counts.keys().next().value!);
    return readsMin <= 1 || previousReads >= readsMin;
  }

  get size(): number {
    return this.counts.size;
  }
}
