import { describe, expect, it } from 'vitest';
import { ManualClock } from '@strata/common/testing';
import { RateLimiter } from './rate-limiter.js';

/** A clock whose time moves only when something sleeps. */
const fakeClock = (): ManualClock => new ManualClock({ sleepsAdvance: true });

describe('RateLimiter', () => {
  it('lets the first take through and paces the next ones to the rate', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(1024 * 1024, clock);
    for (let i = 0; i < 5; i++) await limiter.take(512 * 1024);
    // 2.5 MiB at 1 MiB/s: the first half MiB goes at once, the rest takes 2 s.
    expect(clock.monotonicMs()).toBe(2000);
  });

  it('does not save up unused time for a later burst', async () => {
    const clock = fakeClock();
    const limiter = new RateLimiter(1000, clock);
    await limiter.take(1000);
    await clock.sleep(10_000);
    const before = clock.monotonicMs();
    await limiter.take(1000);
    await limiter.take(1000);
    expect(clock.monotonicMs() - before).toBe(1000);
  });
});
