import type { Clock } from '@strata/common';

/**
 * Which keys are read often right now: a count of reads per key over a short window, for at
 * most `tracked` keys (the least recently counted go first). Only a hot key earns a cache
 * lease, because a lease makes the next write of its key wait; a key read now and then is
 * cheaper to read from the index every time than to slow its writer.
 */
export class HotKeys {
  private readonly counts = new Map<string, { reads: number; sinceMs: number }>();

  constructor(private readonly options: { clock: Clock; windowMs: number; readsMin: number; tracked: number }) {}

  /** Counts one read of `key`; whether it has now been read `readsMin` times within the window. */
  read(key: string): boolean {
    const now = this.options.clock.monotonicMs();
    const count = this.counts.get(key);
    if (count && now - count.sinceMs < this.options.windowMs) {
      count.reads++;
      return count.reads >= this.options.readsMin;
    }
    // Inserted anew, so the oldest counts are the first in the map's order.
    this.counts.delete(key);
    this.counts.set(key, { reads: 1, sinceMs: now });
    if (this.counts.size > this.options.tracked) this.counts.delete(this.counts.keys().next().value!);
    return this.options.readsMin <= 1;
  }

  get size(): number {
    return this.counts.size;
  }
}
