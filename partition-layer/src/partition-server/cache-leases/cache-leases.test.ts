import { describe, expect, it } from 'vitest';
import { AssertionFailure } from '@strata/common';
import { ManualClock } from '@strata/common/testing';
import { CACHE_LEASE_MS, CacheLeases, HOT_READS_MIN } from './cache-leases.js';

const key = Buffer.from('a/b/hot');

/** Leases on a fresh instance past its first CACHE_LEASE_MS (when its writes may commit). */
async function started(servingForMs = 3_000): Promise<{ clock: ManualClock; leases: CacheLeases }> {
  const clock = new ManualClock({ startMs: 10_000 });
  const leases = new CacheLeases({ clock, servingForMs: () => servingForMs });
  await clock.advance(CACHE_LEASE_MS);
  return { clock, leases };
}

/** Reads `key` until it is hot; the lease of the read that made it so. */
function readHot(leases: CacheLeases): number {
  for (let i = 1; i < HOT_READS_MIN; i++) expect(leases.grant(key), `read ${i} of a key not yet hot`).toBe(0);
  return leases.grant(key);
}

describe('CacheLeases', () => {
  it('grants a lease only on a key read HOT_READS_MIN times within the window, never past the read fence', async () => {
    const { leases } = await started();
    expect(readHot(leases)).toBe(CACHE_LEASE_MS);
    expect(leases.grant(Buffer.from('a/b/cold')), 'a key read once').toBe(0);

    const near = await started(CACHE_LEASE_MS); // the fence may lapse in 500 ms: the lease ends 250 ms sooner
    expect(readHot(near.leases)).toBe(CACHE_LEASE_MS - 250);
    const lapsing = await started(200);
    expect(readHot(lapsing.leases), 'too close to the fence').toBe(0);
  });

  it('makes a write of a leased key wait until its lease ends, and grants none while the write waits', async () => {
    const { clock, leases } = await started();
    readHot(leases);
    await clock.advance(100);
    const committedAt: number[] = [];
    const write = leases.write(key, async () => {
      leases.checkWritable(key);
      committedAt.push(clock.monotonicMs());
    });
    await clock.advance(1);
    expect(leases.grant(key), 'a read while the write waits').toBe(0);
    expect(committedAt).toEqual([]);
    await clock.advance(CACHE_LEASE_MS - 102);
    expect(committedAt, 'one ms before the lease ends').toEqual([]);
    await clock.advance(1);
    await write;
    expect(committedAt).toEqual([10_000 + 2 * CACHE_LEASE_MS]);
    // Once written, the key earns leases again: still hot from the reads of the window before.
    expect(leases.grant(key)).toBe(CACHE_LEASE_MS);
  });

  it('lets a write of a key without a lease commit at once', async () => {
    const { clock, leases } = await started();
    const at = clock.monotonicMs();
    await leases.write(key, async () => leases.checkWritable(key));
    expect(clock.monotonicMs()).toBe(at);
  });

  it('holds every write of a new instance for CACHE_LEASE_MS, for the leases the instance it replaced granted', async () => {
    const clock = new ManualClock({ startMs: 10_000 });
    const leases = new CacheLeases({ clock, servingForMs: () => 3_000 });
    let committed = false;
    const write = leases.write(key, async () => {
      committed = true;
    });
    await clock.advance(CACHE_LEASE_MS - 1);
    expect(committed).toBe(false);
    await clock.advance(1);
    await write;
    expect(committed).toBe(true);
  });

  it('grants nothing once stopped (a quiescing or closing partition), again once resumed', async () => {
    const { leases } = await started();
    readHot(leases);
    leases.stop();
    expect(leases.grant(key)).toBe(0);
    leases.resume();
    expect(leases.grant(key)).toBe(CACHE_LEASE_MS);
  });

  it('asserts that a commit of a key went through write, with no lease live', async () => {
    const { leases } = await started();
    expect(() => leases.checkWritable(key)).toThrow(AssertionFailure);
    readHot(leases);
    // A commit that bypassed `write` while a lease on its key is live: the process must end.
    await leases.write(Buffer.from('a/b/other'), async () => {
      expect(() => leases.checkWritable(key)).toThrow(/while a cache lease on it is live|without stopping its cache leases/);
    });
  });
});
