import { CreateBucketCommand, GetObjectCommand, NoSuchKey, PutObjectCommand } from '@aws-sdk/client-s3';
import { waitFor } from '@strata/common/testing';
import { PartitionManagerClient } from '@strata/partition-layer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartitionHarness } from '../helpers/partition-harness.js';
import { frontEndMetric } from '../helpers/origin-counters.js';
import { parseValue, valueOf, violations, type Read, type Write } from '../helpers/register-history.js';
import { startTestStamp, type TestStamp } from '../helpers/test-stamp.js';

const BUCKET = 'hot';
/** A few keys everyone reads: the cache and coalescing see every read of them. */
const KEYS = ['a', 'b', 'c', 'd'];
const VERSIONS_PER_KEY = 12;
const READERS = 12;
/** Between the keys: a split there gives each child hot keys. */
const SPLIT_AT = 'b~';

/**
 * The front-end's hot-blob and record caches keep GETs linearizable: a GET never returns bytes
 * older than the last acknowledged PUT before it began, while many readers hammer a few keys
 * their writers keep overwriting (values from 1 KiB to 1.5 MiB: in their records, cached,
 * streamed), and the front-ends answer most of those GETs from leased copies of the records,
 * while the partition moves to another server and splits (new instances of it, whose writes
 * must wait out the leases the old ones granted).
 */
describe('hot blobs under overwrites', () => {
  let t: TestStamp;
  let p: PartitionHarness;
  let operator: PartitionManagerClient;
  beforeAll(async () => {
    // No merge of the split's children behind the test's back.
    t = await startTestStamp({ partitionServers: 2, env: { STRATA_MERGE_ENTRIES: '0' } });
    p = await PartitionHarness.open(t.stamp);
    operator = new PartitionManagerClient({ etcd: p.etcd, prefix: t.stamp.info.etcdPrefix });
    await t.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  });
  afterAll(async () => {
    operator?.close();
    await p?.close();
    await t?.destroy();
  });

  it('serves no read a stale version, and reads hot blobs from memory or one shared read', async () => {
    const writes: Write[] = [];
    const reads: Read[] = [];
    let writing = true;
    const writer = async (key: string): Promise<void> => {
      for (let version = 1; version <= VERSIONS_PER_KEY; version++) {
        const invokedMs = performance.now();
        await t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: valueOf(key, version) }));
        writes.push({ key, version, invokedMs, completedMs: performance.now() });
      }
    };
    const reader = async (i: number): Promise<void> => {
      for (let n = 0; writing || n < 4; n++) {
        const key = KEYS[(i + n) % KEYS.length]!;
        const invokedMs = performance.now();
        try {
          const got = await t.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
          const body = Buffer.from(await got.Body!.transformToByteArray());
          reads.push({ key, invokedMs, completedMs: performance.now(), ...parseValue(key, body) });
        } catch (error) {
          if (!(error instanceof NoSuchKey)) throw error;
          reads.push({ key, version: null, invokedMs, completedMs: performance.now() });
        }
      }
    };
    // Once leases are out, the partition moves to the other server, then splits there.
    const reshape = async (): Promise<string[]> => {
      await waitFor('a read lease granted', async () => (await frontEndMetric(t.stamp, 'strata_record_cache_leases_total')) > 0, { timeoutMs: 60_000 });
      const [only] = await p.partitions();
      const target = only!.ownerId === 'ps-1' ? 'ps-2' : 'ps-1';
      await operator.move(only!.partitionId, target);
      await waitFor(`the partition on ${target}`, async () => (await p.partitions())[0]!.ownerId === target, { timeoutMs: 60_000 });
      await operator.split(only!.partitionId, `${t.stamp.info.account}\u0000${BUCKET}\u0000${SPLIT_AT}`);
      return [`${only!.partitionId}@${only!.ownerId}`, `${only!.partitionId}@${target}`, ...(await p.partitions()).map((x) => `${x.partitionId}@${x.ownerId}`)];
    };
    const readers = Array.from({ length: READERS }, (_, i) => reader(i));
    const reshaped = reshape();
    await Promise.all(KEYS.map(writer));
    const partitions = await reshaped;
    writing = false;
    await Promise.all(readers);

    expect(violations(writes, reads)).toEqual([]);
    expect(reads.length).toBeGreaterThan(READERS * 4);
    const hits = await frontEndMetric(t.stamp, 'strata_blob_cache_hits_total');
    const coalesced = await frontEndMetric(t.stamp, 'strata_blob_cache_coalesced_total');
    const misses = await frontEndMetric(t.stamp, 'strata_blob_cache_misses_total');
    const recordHits = await frontEndMetric(t.stamp, 'strata_record_cache_hits_total');
    const leases = await frontEndMetric(t.stamp, 'strata_record_cache_leases_total');
    process.stdout.write(
      `hot blobs: ${reads.length} reads, ${writes.length} writes; cache hits ${hits}, coalesced ${coalesced}, misses ${misses}; records from a lease ${recordHits}, leases ${leases}; partitions ${partitions.join(' then ')}\n`,
    );
    expect(hits + coalesced, 'reads of hot blobs served without their own extent read').toBeGreaterThan(0);
    expect(leases, 'read leases granted on the hot keys').toBeGreaterThan(0);
    expect(recordHits, 'reads answered from a leased record, without the partition layer').toBeGreaterThan(0);
    expect((await p.partitions()).length, 'the split happened while the load ran').toBe(2);
  });
});
