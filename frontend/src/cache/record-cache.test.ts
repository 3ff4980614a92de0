import { describe, expect, it } from 'vitest';
import { ManualClock } from '@strata/common/testing';
import type { PartitionClient } from '@strata/partition-layer';
import type { partitionV1 } from '@strata/protos';
import { RecordCache } from './record-cache.js';

/** A partition layer that answers every GetBlob with the record's current version and the given lease, after `delayMs`. */
function partitionLayer(clock: ManualClock, leaseMs: number, delayMs = 0) {
  const calls: partitionV1.BlobRequest[] = [];
  let version = 1;
  const client = {
    async getBlob(request: partitionV1.BlobRequest): Promise<partitionV1.BlobInfo__Output> {
      calls.push(request);
      const etag = `v${version}`;
      if (delayMs > 0) await clock.advance(delayMs);
      return {
        account: 'acct',
        container: 'c',
        blob: request.blob!,
        record: { etag, inlineData: Buffer.alloc(10) },
        extents: [],
        cacheLeaseMs: leaseMs,
      } as unknown as partitionV1.BlobInfo__Output;
    },
  };
  return { client: client as unknown as PartitionClient, calls, write: () => version++ };
}

const name = { account: 'acct', container: 'c', blob: 'k' };

describe('RecordCache', () => {
  it('answers from a leased copy until 90% of the lease, counted from when the request was sent, has passed', async () => {
    const clock = new ManualClock({ startMs: 1_000 });
    const layer = partitionLayer(clock, 500, 20);
    const cache = new RecordCache({ partitions: layer.client, clock, capacityBytes: 1 << 20 });
    expect((await cache.get(name, 'r1')).record!.etag).toBe('v1');
    expect(layer.calls[0]!.cacheLease).toBe(true);
    layer.write();
    await clock.advance(429); // 449 ms after the request was sent
    expect((await cache.get(name, 'r2')).record!.etag, 'within the lease: the copy').toBe('v1');
    await clock.advance(1); // 450 ms = 0.9 × 500
    expect((await cache.get(name, 'r3')).record!.etag, 'at its end: the index again').toBe('v2');
    expect(layer.calls).toHaveLength(2);
    expect(cache.stats).toEqual({ hits: 1, misses: 2, leases: 2 });
  });

  it('keeps nothing without a lease, nor a copy whose lease ran out before its answer came', async () => {
    const clock = new ManualClock({ startMs: 1_000 });
    const none = partitionLayer(clock, 0);
    const cache = new RecordCache({ partitions: none.client, clock, capacityBytes: 1 << 20 });
    await cache.get(name, 'r1');
    await cache.get(name, 'r2');
    expect(none.calls).toHaveLength(2);
    const slow = partitionLayer(clock, 500, 600);
    const late = new RecordCache({ partitions: slow.client, clock, capacityBytes: 1 << 20 });
    await late.get(name, 'r1');
    await late.get(name, 'r2');
    expect(slow.calls).toHaveLength(2);
    expect(late.bytes).toBe(0);
  });

  it('holds at most its capacity, oldest lease out first; 0 turns it off (no lease asked)', async () => {
    const clock = new ManualClock({ startMs: 1_000 });
    const layer = partitionLayer(clock, 500);
    const cache = new RecordCache({ partitions: layer.client, clock, capacityBytes: 2 * 1034 });
    for (const blob of ['a', 'b', 'c']) await cache.get({ ...name, blob }, blob);
    expect(cache.bytes).toBe(2 * 1034);
    await cache.get({ ...name, blob: 'c' }, 'c2');
    await cache.get({ ...name, blob: 'a' }, 'a2');
    expect(layer.calls.map((call) => call.blob)).toEqual(['a', 'b', 'c', 'a']);
    const off = partitionLayer(clock, 500);
    await new RecordCache({ partitions: off.client, clock, capacityBytes: 0 }).get(name, 'r');
    expect(off.calls[0]!.cacheLease).toBeUndefined();
  });
});
