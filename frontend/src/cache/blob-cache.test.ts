import { describe, expect, it } from 'vitest';
import { ManualClock } from '@strata/common/testing';
import { BlobCache } from './blob-cache.js';

const bytes = (n: number, fill = 1): Buffer => Buffer.alloc(n, fill);

describe('BlobCache', () => {
  it('reads a blob once for any number of concurrent GETs of it, and serves the next from memory', async () => {
    const cache = new BlobCache({ capacityBytes: 1024, itemBytesMax: 512, clock: new ManualClock() });
    let loads = 0;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const load = async (): Promise<Buffer> => {
      loads++;
      await gate;
      return bytes(100);
    };
    const readers = Array.from({ length: 20 }, () => cache.get('e-1@0+100', load));
    release();
    for (const got of await Promise.all(readers)) expect(got.length).toBe(100);
    expect(await cache.get('e-1@0+100', load)).toHaveLength(100);
    expect(loads).toBe(1);
    expect(cache.stats).toEqual({ hits: 1, misses: 1, coalesced: 19 });
  });

  it('drops the least recently used blobs to stay within its capacity', async () => {
    const cache = new BlobCache({ capacityBytes: 300, itemBytesMax: 300, clock: new ManualClock() });
    await cache.get('a', async () => bytes(100, 1));
    await cache.get('b', async () => bytes(100, 2));
    await cache.get('a', async () => bytes(100, 9));
    await cache.get('c', async () => bytes(150, 3));
    expect(cache.bytes).toBeLessThanOrEqual(300);
    // `b` was the least recently used: gone; `a` and `c` stay.
    let reloaded = 0;
    await cache.get('b', async () => (reloaded++, bytes(100, 2)));
    expect(reloaded).toBe(1);
    expect((await cache.get('c', async () => bytes(150, 8)))[0]).toBe(3);
  });

  it('does not keep a failed read: the next GET reads again', async () => {
    const cache = new BlobCache({ capacityBytes: 1024, itemBytesMax: 512, clock: new ManualClock() });
    await expect(cache.get('k', async () => Promise.reject(new Error('replica down')))).rejects.toThrow('replica down');
    expect(await cache.get('k', async () => bytes(10))).toHaveLength(10);
  });

  it('admits a blob read twice within its window, and never one read once or too big', async () => {
    const clock = new ManualClock();
    const cache = new BlobCache({ capacityBytes: 1024, itemBytesMax: 512, clock });
    // Read once: streamed past the cache.
    expect(cache.admits('once', 100)).toBe(false);
    await clock.advance(10_000);
    expect(cache.admits('once', 100), 'a read long after the first is a first read again').toBe(false);
    // Read again soon: hot, and then held.
    expect(cache.admits('hot', 100)).toBe(false);
    await clock.advance(500);
    expect(cache.admits('hot', 100)).toBe(true);
    await cache.get('hot', async () => bytes(100));
    await clock.advance(60_000);
    expect(cache.admits('hot', 100), 'a held blob is served from memory however long ago it was read').toBe(true);
    expect(cache.admits('big', 513)).toBe(false);
    expect(cache.admits('big', 513)).toBe(false);
    const off = new BlobCache({ capacityBytes: 0, itemBytesMax: 512, clock });
    expect(off.admits('k', 1)).toBe(false);
    expect(off.admits('k', 1)).toBe(false);
  });

  it('names a blob by its blocks, so new bytes (a PUT, a compaction) are a new key', () => {
    const one = BlobCache.keyOf([{ extentId: 'e-1', offset: 0, dataBytes: 10 }]);
    const moved = BlobCache.keyOf([{ extentId: 'e-7', offset: 0, dataBytes: 10 }]);
    expect(one).not.toBe(moved);
  });
});
