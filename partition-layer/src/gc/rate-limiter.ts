import type { Clock } from '@strata/common';

/**
 * Paces background work to a byte rate: each `take` is scheduled after the bytes taken before
 * it have had their time, so the work never runs faster than the rate on average (bursts are
 * one take long). Shared by every compaction of a partition server, so together they stay
 * under the operator's limit however many partitions compact at once.
 */
export class RateLimiter {
  private nextFreeMs = 0;

  constructor(
    private readonly bytesPerSecond: number,
    private readonly clock: Clock,
  ) {}

  /** Resolves when `bytes` may be processed. */
  async take(bytes: number, signal?: AbortSignal): Promise<void> {
    const now = this.clock.monotonicMs();
    const start = Math.max(now, this.nextFreeMs);
    this.nextFreeMs = start + (bytes / this.bytesPerSecond) * 1000;
    if (start > now) await this.clock.sleep(start - now, signal);
  }
}
