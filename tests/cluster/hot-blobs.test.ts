import { CreateBucketCommand, GetObjectCommand, NoSuchKey, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { frontEndMetric } from '../helpers/origin-counters.js';
import { parseValue, valueOf, violations, type Read, type Write } from '../helpers/register-history.js';
import { startTestStamp, type TestStamp } from '../helpers/test-stamp.js';

const BUCKET = 'hot';
/** A few keys everyone reads: the cache and coalescing see every read of them. */
const KEYS = ['a', 'b', 'c', 'd'];
const VERSIONS_PER_KEY = 12;
const READERS = 12;

/**
 * The front-end's hot-blob and record caches keep GETs linearizable: a GET never returns bytes
 * older than the last acknowledged PUT before it began, while many readers hammer a few keys
 * their writers keep overwriting (values from 1 KiB to 1.5 MiB: in their records, cached,
 * streamed), and the front-ends answer most of those GETs from leased copies of the records.
 */
describe('hot blobs under overwrites', () => {
  let t: TestStamp;
  beforeAll(async () => {
    t = await startTestStamp();
    await t.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  });
  afterAll(async () => {
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
    const readers = Array.from({ length: READERS }, (_, i) => reader(i));
    await Promise.all(KEYS.map(writer));
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
      `hot blobs: ${reads.length} reads, ${writes.length} writes; cache hits ${hits}, coalesced ${coalesced}, misses ${misses}; records from a lease ${recordHits}, leases ${leases}\n`,
    );
    expect(hits + coalesced, 'reads of hot blobs served without their own extent read').toBeGreaterThan(0);
    expect(leases, 'read leases granted on the hot keys').toBeGreaterThan(0);
    expect(recordHits, 'reads answered from a leased record, without the partition layer').toBeGreaterThan(0);
  });
});
