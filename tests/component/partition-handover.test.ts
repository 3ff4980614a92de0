import { createHash } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { isStrataError } from '@strata/common';
import { waitFor } from '@strata/common/testing';
import { InProcessStamp } from '../helpers/in-process-stamp.js';
import { consecutiveFrom, PartitionTestClient, startCapturedServer, type CapturedServer, type Stored, QUIET_MANAGER } from '../helpers/partition-in-process.js';

/** MAP_FRESH_MS + HANDOVER_MARGIN_MS (partition-layer limits.ts): how long a new owner waits out the old owner's read fence. */
const HANDOVER_MS = 3_500;

describe('PartitionHost handover (in-process stamp)', () => {
  let stamp: InProcessStamp | undefined;
  const servers: CapturedServer[] = [];
  let client: PartitionTestClient | undefined;
  afterEach(async () => {
    await client?.close();
    for (const server of servers.splice(0)) await server.stop();
    await stamp?.stop();
    stamp = client = undefined;
  });

  const serving = (server: CapturedServer): boolean => server.running.readiness?.() === undefined && server.log.find('partition serving').length > 0;

  it('moves a partition between two servers: the new owner waits out the read fence, fences the old owner, and loses nothing', async () => {
    stamp = await InProcessStamp.start({ partitionManagers: 1, args: { 'partition-manager': QUIET_MANAGER } });
    const one = await startCapturedServer(stamp, 'ps-1');
    servers.push(one);
    await waitFor('ps-1 to serve p-1', () => serving(one), { timeoutMs: 20_000 });
    const other = await startCapturedServer(stamp, 'ps-2');
    servers.push(other);
    client = await PartitionTestClient.open(stamp);
    const c = client;
    await c.client.createContainer({ account: c.account, container: 'box' });

    const p1 = (await c.partition('p-1'))!;
    // Opened when the test lets the late upload below commit (or ends).
    let releaseCommit!: () => void;
    const commitGate = new Promise<void>((resolve) => (releaseCommit = resolve));
    // Writers run through the move; the partition client retries a moved or loading partition.
    const acknowledged: Stored[] = [];
    let writing = true;
    const writers = Array.from({ length: 3 }, (_, w) =>
      (async () => {
        for (let i = 0; writing; i++) {
          try {
            acknowledged.push(await c.put('box', `w${w}-${String(i).padStart(4, '0')}`, `body ${w} ${i}`));
          } catch (error) {
            if (!isStrataError(error)) throw error;
          }
        }
      })(),
    );
    try {
      await waitFor('writes acknowledged by ps-1', () => acknowledged.length >= 30, { timeoutMs: 20_000 });

      // An upload ps-1 accepted before the move, whose commit comes after it. Streamed: it names no
      // length, for a small body with one would go whole in one call once committed (PutSmallBlob).
      const late = Buffer.from('written to the old owner');
      const lateUpload = c.client.putBlob({
        header: { account: c.account, container: 'box', blob: 'late' },
        body: (async function* () {
          yield late;
        })(),
        beforeCommit: async () => {
          await commitGate;
          return { contentMd5: createHash('md5').update(late).digest() };
        },
      });
      const lateOutcome = Promise.allSettled([lateUpload]);

      const logBefore = await c.streams.getStream(p1.streams!.logStreamId);
      const movedFrom = performance.now();
      await c.manager.move('p-1', 'ps-2');
      await waitFor('ps-2 to serve p-1', () => serving(other) && other.log.find('partition serving').length > 0, { timeoutMs: 20_000 });
      const servedAfterMs = performance.now() - movedFrom;

      // The new owner waited out the old owner's read fence before it opened the streams.
      expect(other.log.find('partition waits until its previous owner has stopped serving')[0]).toMatchObject({ previousOwnerId: 'ps-1' });
      expect(servedAfterMs).toBeGreaterThanOrEqual(HANDOVER_MS);
      // ...and took the streams over (a new writer epoch, the last extent sealed): the old owner's appends fail.
      const logAfter = await c.streams.getStream(p1.streams!.logStreamId);
      expect(Number(logAfter.writerEpoch)).toBeGreaterThan(Number(logBefore.writerEpoch));
      expect(logAfter.extents.filter((extent) => !extent.sealed)).toHaveLength(1);
      expect(one.log.find('partition unloading', { partitionId: 'p-1' }).length).toBeGreaterThan(0);
      // The partition's background jobs left with it and run where it went.
      const jobs = (server: CapturedServer): string[] => server.workers.list().map((status) => status.name);
      expect(jobs(one)).not.toContain('checkpoint/p-1');
      expect(jobs(other)).toEqual(expect.arrayContaining(['checkpoint/p-1', 'upload-sweep/p-1', 'partition-map-confirm', 'usage-report']));

      // The old owner acknowledges nothing it was sent before the move; it answers for the key no more.
      releaseCommit();
      expect((await lateOutcome)[0].status).toBe('rejected');
      await expect(c.directEtag(one.address, 'box', acknowledged[0]!.blob)).rejects.toMatchObject({ code: 'NOT_OWNER' });
      expect(await c.etagOf('box', 'late')).toBeUndefined();

      const atMove = acknowledged.length;
      await waitFor('writes acknowledged by ps-2', () => acknowledged.length >= atMove + 30, { timeoutMs: 20_000 });
    } finally {
      releaseCommit();
      writing = false;
      await Promise.all(writers);
    }

    // Nothing acknowledged is lost: every blob reads back from the new owner, and again after
    // the partition moves back (a second handover, replaying the new owner's log).
    for (const { blob, etag } of acknowledged) expect(await c.directEtag(other.address, 'box', blob), blob).toBe(etag);
    await c.manager.move('p-1', 'ps-1');
    await waitFor('ps-1 to serve p-1 again', () => one.log.find('partition serving').length >= 2 && serving(one), { timeoutMs: 20_000 });
    for (const { blob, etag } of acknowledged) expect(await c.directEtag(one.address, 'box', blob), blob).toBe(etag);
    // The log kept since the last checkpoint (the move's) runs on with no gap across both owners.
    expect(consecutiveFrom((await c.sealedLog(p1.streams!.logStreamId)).sequences)).toBeDefined();
  });
});
