import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { isStrataError } from '@strata/common';
import { waitFor } from '@strata/common/testing';
import type { PartitionManagerClient } from '@strata/partition-layer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PartitionHarness } from '../helpers/partition-harness.js';
import { BlobBytes, deleteKey, getBytes, MiB, putThroughPartitions, sha256 } from '../helpers/reclamation.js';
import { type StreamHarness } from '../helpers/stream-harness.js';
import { workerOf } from '../helpers/workers.js';
import { GARBAGE_GRACE_MS, REPAIR_INTERVAL_MS, startReclamationStamp, type ReclamationStamp } from '../helpers/reclamation-stamp.js';
import type { TestStamp } from '../helpers/test-stamp.js';

const NODES = ['en-1', 'en-2', 'en-3', 'en-4'];
const BLOBS_PER_SIDE = 16;

/**
 * Which extents survive reclamation when several partitions point into them: the children of
 * a split share their parent's extents, and a partition may hold an extent its own streams do
 * not list (a copied blob). Nothing another partition still points into is collected.
 */
describe('space reclamation across partitions', () => {
  let t: TestStamp;
  let p: PartitionHarness;
  let h: StreamHarness;
  let operator: PartitionManagerClient;
  let stamp: ReclamationStamp | undefined;

  beforeAll(async () => {
    stamp = await startReclamationStamp();
    ({ t, p, h, operator } = stamp);
  });
  afterAll(async () => {
    await stamp?.close();
  });

  /** Whether no replica file of the extent is left on any extent node. */
  const goneFromDisk = (extentId: string): boolean =>
    NODES.every((nodeId) => !existsSync(join(t.dataDir, 'extent-nodes', nodeId, 'extents', `${extentId}.extent`)));
  const listedByAnyStream = async (extentId: string): Promise<boolean> =>
    (await h.manager.listStreams()).some((s) => s.extents.some((e) => e.extentId === extentId));

  it('after a split, deleting everything on one side reclaims the extents only that side used and keeps those the other side points into', async () => {
    const account = t.stamp.info.account;
    await t.s3.send(new CreateBucketCommand({ Bucket: 'split' }));
    const bytes = new BlobBytes();
    const digests = new Map<string, string>();
    // Left-side blobs first, then right-side ones: most extents hold one side only.
    for (const side of ['a', 'z']) {
      for (let i = 0; i < BLOBS_PER_SIDE; i++) {
        const body = bytes.make(512 * 1024);
        await putThroughPartitions(p, { account, container: 'split', blob: `${side}/${i}` }, body);
        digests.set(`${side}/${i}`, sha256(body));
      }
    }
    const [parent] = await p.partitions();
    const parentLog = (await h.manager.getStream(parent!.streams!.logStreamId)).extents.map((e) => e.extentId);
    const change = await operator.split(parent!.partitionId, `${account}\u0000split\u0000m`);
    const children = (await p.partitions()).filter((x) => change.added.includes(x.partitionId));
    const shared = (await h.manager.getStream(children[0]!.streams!.dataStreamId)).extents.filter((e) => e.sealed).map((e) => e.extentId);
    expect(shared.length).toBeGreaterThanOrEqual(8);

    for (let i = 0; i < BLOBS_PER_SIDE; i++) await deleteKey(t.s3, 'split', `a/${i}`);
    await p.reportUsage();
    for (let round = 0; round < 3; round++) expect((await operator.gcRun()).errors).toEqual([]);

    // What the right side's index points into now, read through its blobs' own pointers.
    const rightRefs = new Set<string>();
    for (let i = 0; i < BLOBS_PER_SIDE; i++) {
      const info = await p.client.getBlob({ account, container: 'split', blob: `z/${i}` });
      for (const block of info.record!.blocks) rightRefs.add(block.extentId);
    }
    const reclaimed = shared.filter((id) => !rightRefs.has(id));
    const kept = shared.filter((id) => rightRefs.has(id));
    expect(reclaimed.length).toBeGreaterThan(0);
    expect(kept.length).toBeGreaterThan(0);
    await waitFor(
      'the extents only the deleted side used, and the parent log, gone from every stream and disk',
      async () => {
        for (const id of [...reclaimed, ...parentLog]) if ((await listedByAnyStream(id)) || !goneFromDisk(id)) return false;
        return true;
      },
      { timeoutMs: 60_000 },
    );
    for (const id of rightRefs) expect((await h.manager.getExtent(id)).extentId).toBe(id);
    for (let i = 0; i < BLOBS_PER_SIDE; i++) expect(sha256(await getBytes(t.s3, 'split', `z/${i}`))).toBe(digests.get(`z/${i}`));
    process.stdout.write(
      `split then delete one side: ${shared.length} shared data extents, ${reclaimed.length} reclaimed, ${kept.length} kept (the right side points into them); the parent's ${parentLog.length} log extents collected\n`,
    );
  });

  it('keeps an extent a partition holds after every stream let it go, and once it is condemned refuses new holds (a copy then reads fresh pointers)', async () => {
    const writer = await h.openStream('test/holds', 1 * MiB);
    const blocks = [bytesOf(1), bytesOf(2), bytesOf(3)];
    const pointers = [];
    for (const block of blocks) pointers.push(...(await writer.append([block])));
    const extentId = (await writer.rollOver())!;
    const streamId = writer.streamIdentifier;
    await h.manager.holdExtents('p-900', [extentId]);
    await h.manager.releaseExtents(streamId, [extentId]);
    expect(await listedByAnyStream(extentId)).toBe(false);
    // Once repair rounds have run for longer than the grace period since the release (an
    // unheld extent would have been condemned and its replicas deleted by then), the held
    // extent is whole.
    const releasedAt = Date.now();
    await waitFor('repair rounds past the grace period since the release', async () => {
      const repair = await workerOf(t.stamp, 'sm-1', 'repair');
      return (repair.lastSucceededMs ?? 0) > releasedAt + GARBAGE_GRACE_MS + REPAIR_INTERVAL_MS;
    });
    const extent = await h.manager.getExtent(extentId);
    expect(extent.holds.map((hold) => hold.holder)).toEqual(['p-900']);
    for (const [i, pointer] of pointers.entries()) expect(await h.readFrom(extent, extent.replicas[0]!, pointer)).toBe(sha256(blocks[i]!));

    await h.manager.releaseHolds('p-900', [extentId]);
    // A copy racing the release either holds the extent before it is condemned (and keeps it) or is refused.
    let refused: unknown;
    await waitFor(
      'the extent condemned',
      async () => {
        try {
          await h.manager.holdExtents('p-901', [extentId]);
          await h.manager.releaseHolds('p-901', [extentId]);
          return false;
        } catch (error) {
          refused = error;
          return true;
        }
      },
      { timeoutMs: 30_000 },
    );
    expect(isStrataError(refused, ['EXTENT_COLLECTING']), String(refused)).toBe(true);
    await waitFor(
      'the condemned extent deleted',
      async () =>
        goneFromDisk(extentId) &&
        !(await h.manager.getExtent(extentId).then(
          () => true,
          () => false,
        )),
      { timeoutMs: 30_000 },
    );
    await expect(h.manager.holdExtents('p-901', [extentId])).rejects.toMatchObject({ code: 'EXTENT_NOT_FOUND' });
    await writer.close();
  });
});

function bytesOf(seed: number): Buffer {
  return Buffer.alloc(256 * 1024, seed);
}
