import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { isStrataError } from '@strata/common';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartitionHarness } from '../helpers/partition-harness.js';
import { logLines, until } from '../helpers/stream-harness.js';
import { startTestStamp, type TestStamp } from '../helpers/test-stamp.js';

const BLOBS = 100_000;

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
    const rate = await p.putMany({ account: t.stamp.info.account, container: 'many', prefix: 'k/', count: BLOBS, concurrency: 64 });
    const victim = await owner();
    await until(async () => (await logLines(t.stamp, victim, 'checkpoint written')).length > 0, 'a checkpoint', 120_000);
    const killedAt = Date.now();
    await t.stamp.kill(victim);
    await until(async () => {
      try {
        await t.s3.send(new HeadObjectCommand({ Bucket: 'many', Key: `k/${String(BLOBS - 1).padStart(6, '0')}` }));
        return true;
      } catch {
        return false;
      }
    }, 'the partition to serve again', 60_000);
    const recoveryMs = Date.now() - killedAt;
    const survivor = await owner();
    expect(survivor).not.toBe(victim);
    const loaded = (await logLines(t.stamp, survivor, 'partition state loaded')).at(-1)!;
    expect(Number(loaded.checkpointEntries)).toBeGreaterThan(BLOBS / 2);
    expect(recoveryMs).toBeLessThan(30_000);

    let listed = 0;
    let token: string | undefined;
    const listStarted = Date.now();
    do {
      const page = await t.s3.send(new ListObjectsV2Command({ Bucket: 'many', Prefix: 'k/', ContinuationToken: token }));
      listed += page.KeyCount ?? 0;
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    const listKeysPerSecond = Math.round((listed / (Date.now() - listStarted)) * 1000);
    expect(listed).toBe(BLOBS);
    process.stdout.write(
      `failover of a ${BLOBS}-blob partition: writes ${rate} blobs/s; kill→serving ${recoveryMs}ms (load ${loaded.ms}ms: ${loaded.checkpointEntries} entries from the checkpoint at sequence ${loaded.checkpointSequence}, log to ${loaded.lastSequence}); listing ${listKeysPerSecond} keys/s\n`,
    );
    await t.stamp.restart(victim);
  });

  it('fences out a partition server paused past its lease: it serves and acknowledges nothing when it wakes', async () => {
    await t.s3.send(new PutObjectCommand({ Bucket: 'many', Key: 'before-pause', Body: 'one' }));
    const paused = await owner();
    const pausedAddress = t.stamp.processes().find((info) => info.id === paused)!.address;
    await t.stamp.kill(paused, 'SIGSTOP');
    try {
      await until(async () => (await owner()) !== paused, 'the partition to move', 60_000);
      await until(async () => {
        try {
          await t.s3.send(new PutObjectCommand({ Bucket: 'many', Key: 'during-pause', Body: 'two' }));
          return true;
        } catch {
          return false;
        }
      }, 'the new owner to take writes', 60_000);
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
    await until(async () => (await logLines(t.stamp, paused, 'partition dropped')).length > 0 || (await logLines(t.stamp, paused, 'partition unloading')).length > 0, 'the woken server to drop its partition', 30_000);
    const got = await t.s3.send(new GetObjectCommand({ Bucket: 'many', Key: 'during-pause' }));
    expect(await got.Body!.transformToString()).toBe('two');
    const before = await t.s3.send(new GetObjectCommand({ Bucket: 'many', Key: 'before-pause' }));
    expect(await before.Body!.transformToString()).toBe('one');
  });
});
