import { waitFor } from '@strata/common/testing';
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { isStrataError } from '@strata/common';
import { PartitionManagerClient } from '@strata/partition-layer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartitionHarness } from '../helpers/partition-harness.js';
import { logLines } from '../helpers/stream-harness.js';
import { startTestStamp, type TestStamp } from '../helpers/test-stamp.js';

/**
 * Enough blobs for two checkpoints (one every CHECKPOINT_RECORDS_MAX, 20000, records), so the
 * survivor loads most of the partition from a checkpoint and replays only the log's tail.
 */
const BLOBS = 45_000;
const FOLDERS = 100;
/** 100 "folders" of 450 blobs each, so a delimited listing has something to roll up and page through. */
const nameOf = (i: number): string => `k/${String(i % FOLDERS).padStart(2, '0')}/${String(i).padStart(6, '0')}`;

/** A partition's server dies or stalls: another serves it, from a checkpoint, and the old one is fenced out. */
describe('partition layer: failover', () => {
  let t: TestStamp;
  let p: PartitionHarness;

  beforeAll(async () => {
    t = await startTestStamp({ partitionServers: 2 });
    p = await PartitionHarness.open(t.stamp);
    await t.s3.send(new CreateBucketCommand({ Bucket: 'many' }));
  });
  afterAll(async () => {
    await p?.close();
    await t?.destroy();
  });

  const owner = async (): Promise<string> => (await p.partitions())[0]!.ownerId;

  it(`serves a partition holding ${BLOBS} blobs again within seconds after its server is killed`, async () => {
    const rate = await p.putMany({ account: t.stamp.info.account, container: 'many', name: nameOf, count: BLOBS, concurrency: 64 });
    const victim = await owner();
    // Both checkpoints written, so the newest holds more than half the blobs.
    await waitFor('two checkpoints', async () => (await logLines(t.stamp, victim, 'checkpoint written')).length >= 2, { timeoutMs: 120_000 });
    const killedAt = Date.now();
    await t.stamp.kill(victim);
    await waitFor(
      'the partition to serve again',
      async () => {
        try {
          await t.s3.send(new HeadObjectCommand({ Bucket: 'many', Key: nameOf(BLOBS - 1) }));
          return true;
        } catch {
          return false;
        }
      },
      { timeoutMs: 60_000 },
    );
    const recoveryMs = Date.now() - killedAt;
    const survivor = await owner();
    expect(survivor).not.toBe(victim);
    const loaded = (await logLines(t.stamp, survivor, 'partition state loaded')).at(-1)!;
    expect(Number(loaded.checkpointEntries)).toBeGreaterThan(BLOBS / 2);
    expect(recoveryMs).toBeLessThan(30_000);
    // The dead server's lease lapsed before the partition was reassigned, so the survivor
    // waited for nobody (a move from a live server waits out its read fence).
    expect(await logLines(t.stamp, survivor, 'partition waits until its previous owner has stopped serving')).toEqual([]);

    // Spread the keys over partitions, then walk them the way a file browser does: the folders
    // (a delimited listing), then each folder's keys, page by page.
    const operator = new PartitionManagerClient({ etcd: p.etcd, prefix: t.stamp.info.etcdPrefix });
    try {
      for (let i = 0; i < 3; i++) {
        const largest = (await p.partitions()).sort((a, b) => a.partitionId.localeCompare(b.partitionId)).at(-1)!;
        await operator.split(largest.partitionId);
      }
    } finally {
      operator.close();
    }
    expect((await p.partitions()).length).toBe(4);
    const listStarted = Date.now();
    const folders = await t.s3.send(new ListObjectsV2Command({ Bucket: 'many', Prefix: 'k/', Delimiter: '/' }));
    const prefixes = (folders.CommonPrefixes ?? []).map((c) => c.Prefix!);
    expect(prefixes).toEqual(Array.from({ length: FOLDERS }, (_, f) => `k/${String(f).padStart(2, '0')}/`));
    expect(folders.Contents ?? []).toEqual([]);
    let listed = 0;
    let pages = 0;
    for (const prefix of prefixes) {
      let token: string | undefined;
      let previous = '';
      do {
        const page = await t.s3.send(new ListObjectsV2Command({ Bucket: 'many', Prefix: prefix, Delimiter: '/', MaxKeys: 400, ContinuationToken: token }));
        for (const key of (page.Contents ?? []).map((c) => c.Key!)) {
          expect(key > previous).toBe(true);
          previous = key;
        }
        listed += page.KeyCount ?? 0;
        pages++;
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    }
    const listKeysPerSecond = Math.round((listed / (Date.now() - listStarted)) * 1000);
    expect(listed).toBe(BLOBS);
    process.stdout.write(
      `failover of a ${BLOBS}-blob partition: writes ${rate} blobs/s; kill→serving ${recoveryMs}ms (load ${loaded.ms}ms: ${loaded.checkpointEntries} entries from the checkpoint at sequence ${loaded.checkpointSequence}, log to ${loaded.lastSequence}); delimited listing over 4 partitions: ${FOLDERS} folders, ${listed} keys in ${pages} pages, ${listKeysPerSecond} keys/s\n`,
    );
    await t.stamp.restart(victim);
  });

  it('fences out a partition server paused past its lease: it serves and acknowledges nothing when it wakes', async () => {
    await t.s3.send(new PutObjectCommand({ Bucket: 'many', Key: 'before-pause', Body: 'one' }));
    const paused = await owner();
    const pausedAddress = t.stamp.processes().find((info) => info.id === paused)!.address;
    await t.stamp.kill(paused, 'SIGSTOP');
    try {
      await waitFor('the partition to move', async () => (await owner()) !== paused, { timeoutMs: 60_000 });
      await waitFor(
        'the new owner to take writes',
        async () => {
          try {
            await t.s3.send(new PutObjectCommand({ Bucket: 'many', Key: 'during-pause', Body: 'two' }));
            return true;
          } catch {
            return false;
          }
        },
        { timeoutMs: 60_000 },
      );
    } finally {
      await t.stamp.kill(paused, 'SIGCONT');
    }
    // At once after waking, asked directly (as a front-end with a stale map would), it refuses.
    const answer = await p.getBlobFrom(pausedAddress, { account: t.stamp.info.account, container: 'many', blob: 'during-pause' }).then(
      () => 'served',
      (error: unknown) => (isStrataError(error) ? `${error.code}` : String(error)),
    );
    // NOT_OWNER once its lease check fails; UNAVAILABLE while it drops its partitions.
    expect(['NOT_OWNER', 'PARTITION_LOADING', 'UNAVAILABLE'], `the woken server answered ${answer}`).toContain(answer);
    await waitFor(
      'the woken server to drop its partition',
      async () => (await logLines(t.stamp, paused, 'partition dropped')).length > 0 || (await logLines(t.stamp, paused, 'partition unloading')).length > 0,
      { timeoutMs: 30_000 },
    );
    const got = await t.s3.send(new GetObjectCommand({ Bucket: 'many', Key: 'during-pause' }));
    expect(await got.Body!.transformToString()).toBe('two');
    const before = await t.s3.send(new GetObjectCommand({ Bucket: 'many', Key: 'before-pause' }));
    expect(await before.Body!.transformToString()).toBe('one');
  });
});
