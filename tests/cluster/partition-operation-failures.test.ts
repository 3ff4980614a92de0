import { waitFor } from '@strata/common/testing';
import { CreateBucketCommand, HeadObjectCommand, ListObjectsV2Command, PutObjectCommand } from '@aws-sdk/client-s3';
import { PartitionManagerClient } from '@strata/partition-layer';
import type { partitionV1 } from '@strata/protos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartitionHarness } from '../helpers/partition-harness.js';

import { startTestStamp, type TestStamp } from '../helpers/test-stamp.js';
import { processAlive } from '../helpers/process-alive.js';

const KEYS = 3_000;
const byLowKey = (a: partitionV1.Partition__Output, b: partitionV1.Partition__Output): number => Buffer.compare(Buffer.from(a.lowKey), Buffer.from(b.lowKey));

/**
 * A partition server killed at each step of a split and of a merge: the operation either
 * completes (the server died after the map changed) or never happened (before), and no key is
 * lost either way.
 */
describe('partition layer: a server killed in the middle of a split or merge', () => {
  let t: TestStamp;
  let p: PartitionHarness;
  let operator: PartitionManagerClient;
  let extra = 0;

  beforeAll(async () => {
    t = await startTestStamp({ partitionServers: 3, env: { STRATA_AUTO_BALANCE: 'false' } });
    p = await PartitionHarness.open(t.stamp);
    operator = new PartitionManagerClient({ etcd: p.etcd, prefix: t.stamp.info.etcdPrefix });
    await t.s3.send(new CreateBucketCommand({ Bucket: 'ops' }));
    await p.putMany({ account: t.stamp.info.account, container: 'ops', prefix: 'k/', count: KEYS, concurrency: 32 });
  });
  afterAll(async () => {
    operator?.close();
    await p?.close();
    await t?.destroy();
  });

  /** Every key is listed and readable, and the stamp takes a new write. */
  async function everythingThere(): Promise<void> {
    await waitFor(
      'the partitions to serve',
      async () => {
        try {
          await t.s3.send(new HeadObjectCommand({ Bucket: 'ops', Key: `k/${String(KEYS - 1).padStart(6, '0')}` }));
          return true;
        } catch {
          return false;
        }
      },
      { timeoutMs: 60_000 },
    );
    let listed = 0;
    let token: string | undefined;
    do {
      const page = await t.s3.send(new ListObjectsV2Command({ Bucket: 'ops', Prefix: 'k/', ContinuationToken: token }));
      listed += page.KeyCount ?? 0;
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    expect(listed).toBe(KEYS);
    await t.s3.send(new PutObjectCommand({ Bucket: 'ops', Key: `extra/${extra++}`, Body: 'after the failure' }));
  }

  /** Restarts `serverId` with a failpoint armed and gives it `partitionIds`. */
  async function armed(serverId: string, failpoint: string, partitionIds: string[]): Promise<void> {
    await t.stamp.restart(serverId, ['--failpoints', `${failpoint}=crash`]);
    for (const id of partitionIds) {
      await waitFor(`${id} assigned`, async () => (await p.partitions()).some((x) => x.partitionId === id && x.ownerId !== ''), { timeoutMs: 30_000 });
      const current = (await p.partitions()).find((x) => x.partitionId === id)!;
      if (current.ownerId !== serverId) await operator.move(id, serverId);
    }
  }

  for (const [step, completes] of [
    ['afterCheckpoint', false],
    ['afterChildren', false],
    ['afterMap', true],
  ] as const) {
    it(`split, killed ${step}: ${completes ? 'completes' : 'never happened'}, nothing lost`, async () => {
      const target = (await p.partitions()).sort(byLowKey).at(-1)!;
      await armed('ps-1', `partitionServer.split.${step}`, [target.partitionId]);
      await expect(operator.split(target.partitionId)).rejects.toBeDefined();
      await waitFor('the crash', async () => !t.stamp.processes().some((x) => x.id === 'ps-1' && processAlive(x.pid)), { timeoutMs: 30_000 });
      const ids = new Set((await p.partitions()).map((x) => x.partitionId));
      expect(ids.has(target.partitionId)).toBe(!completes);
      await everythingThere();
      await t.stamp.restart('ps-1');
    });
  }

  for (const [step, completes] of [
    ['afterCheckpoint', false],
    ['afterChild', false],
    ['afterMap', true],
  ] as const) {
    it(`merge, killed ${step}: ${completes ? 'completes' : 'never happened'}, nothing lost`, async () => {
      let partitions = (await p.partitions()).sort(byLowKey);
      if (partitions.length < 2) {
        await operator.split(partitions[0]!.partitionId);
        partitions = (await p.partitions()).sort(byLowKey);
      }
      const [left, right] = partitions.slice(-2) as [partitionV1.Partition__Output, partitionV1.Partition__Output];
      await armed('ps-2', `partitionServer.merge.${step}`, [left.partitionId, right.partitionId]);
      await expect(operator.merge(left.partitionId, right.partitionId)).rejects.toBeDefined();
      await waitFor('the crash', async () => !t.stamp.processes().some((x) => x.id === 'ps-2' && processAlive(x.pid)), { timeoutMs: 30_000 });
      const ids = new Set((await p.partitions()).map((x) => x.partitionId));
      expect(ids.has(left.partitionId) && ids.has(right.partitionId)).toBe(!completes);
      expect(ids.has(left.partitionId) || ids.has(right.partitionId)).toBe(!completes);
      await everythingThere();
      await t.stamp.restart('ps-2');
    });
  }
});
