import { waitFor } from '@strata/common/testing';
import { createHash } from 'node:crypto';
import { CreateBucketCommand, GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBytes } from '../helpers/reclamation.js';
import { logLines, StreamHarness, type AckedAppend } from '../helpers/stream-harness.js';
import { startTestStamp, type TestStamp } from '../helpers/test-stamp.js';

const KiB = 1024;
const MiB = 1024 * KiB;

/**
 * Chain replication under SIGKILL: whichever replica of an extent dies mid-stream, the writer
 * seals and moves on, no acknowledged append is lost, and repair brings every extent back to
 * three healthy replicas.
 */
describe('stream layer: replica failures', () => {
  let t: TestStamp;
  let h: StreamHarness;

  beforeAll(async () => {
    t = await startTestStamp({
      extentNodes: 5,
      streamManagers: 2,
      env: { STRATA_REPAIR_INTERVAL_MS: '300', STRATA_GARBAGE_GRACE_MS: '5000' },
    });
    h = new StreamHarness(t.stamp);
  });
  afterAll(async () => {
    h?.close();
    await t?.destroy();
  });

  for (const [position, index] of [
    ['head', 0],
    ['middle', 1],
    ['tail', 2],
  ] as const) {
    it(`loses no acknowledged append when the ${position} of the chain is killed mid-stream`, async () => {
      const writer = await h.openStream(`test/kill-${position}`, 4 * MiB);
      const acked: AckedAppend[] = [];
      const failed = { count: 0 };
      let stop = false;
      const load = h.writeUntil(writer, { blockBytes: 64 * KiB, inFlight: 8, stop: () => stop, acked, failed });
      await waitFor('appends before the kill', () => acked.length >= 40, { timeoutMs: 60000 });
      const extentBefore = writer.currentExtent;
      const victim = extentBefore.replicas[index]!.nodeId;
      const killedAt = Date.now();
      await t.stamp.kill(victim);
      await waitFor(
        'an append acknowledged on a fresh extent',
        () => acked.some((a) => a.ackedAtMs > killedAt && a.pointer.extentId !== extentBefore.extentId),
        { timeoutMs: 60000 },
      );
      const resumedMs = acked.find((a) => a.ackedAtMs > killedAt && a.pointer.extentId !== extentBefore.extentId)!.ackedAtMs - killedAt;
      const countAtResume = acked.length;
      await waitFor('appends after the seal', () => acked.length >= countAtResume + 40, { timeoutMs: 60000 });
      stop = true;
      await load;
      await writer.close();

      const streamId = writer.streamIdentifier;
      const repairStart = Date.now();
      await waitFor('every extent back at three healthy replicas', () => h.fullyReplicated(streamId, 3, [victim]), { timeoutMs: 90_000 });
      const repairMs = Date.now() - repairStart + resumedMs;
      const reads = await h.verifyEverywhere(acked);
      expect(reads).toBe(acked.length * 3);
      expect(failed.count).toBe(0);
      const sealedBytes = (await h.stream(streamId)).extents
        .filter((e) => e.replicas.length > 0 && e.sealed)
        .reduce((sum, e) => sum + Number(e.sealedLengthBytes), 0);
      process.stdout.write(
        `kill ${position} (${victim}): acknowledged=${acked.length} lost=0 failed=${failed.count} kill→resumed=${resumedMs}ms kill→full-count=${repairMs}ms stream-bytes=${(sealedBytes / MiB).toFixed(1)}MiB\n`,
      );
      await t.stamp.restart(victim);
    });
  }

  it('fences a writer whose stream was taken over: it never appends again, not even to the new extent', async () => {
    const block = (text: string): Buffer => Buffer.from(text.repeat(1024));
    const hash = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
    const former = await h.openStream('test/take-over');
    const before = [block('a'), block('b'), block('c')];
    for (const data of before) await former.append([data]);
    // A second writer takes the stream over (a partition's new owner loading it).
    const successor = await h.takeOver(former.streamIdentifier);
    expect(successor.writerEpoch).toBe(former.writerEpoch + 1);
    // The former writer's next append meets its sealed extent; asking to move on to a fresh
    // extent is refused, so it cannot land on the one placed for the successor.
    const late = block('late');
    await expect(former.append([late])).rejects.toMatchObject({ code: 'WRITER_FENCED' });
    await expect(former.append([late]), 'a fenced writer stays fenced').rejects.toMatchObject({ code: 'WRITER_FENCED' });
    const after = block('d');
    await successor.append([after]);
    // Sealed, so its length is known to the manager and every block is read back below.
    await successor.rollOver();
    await successor.close();
    await former.close();
    const stored = await h.blockHashes(former.streamIdentifier);
    expect(stored).toEqual([...before, after].map(hash));
    expect(stored).not.toContain(hash(late));
  });

  it('drops the stale replicas of a node that comes back after its extents were repaired', async () => {
    // The nodes killed above are back; their replicas of repaired extents are no longer listed.
    await waitFor(
      'every extent of every stream healthy',
      async () => {
        for (const stream of await h.manager.listStreams()) {
          for (const extent of stream.extents) if (!extent.replicas.every((r) => r.healthy)) return false;
        }
        return true;
      },
      { timeoutMs: 60_000 },
    );
    const deletions = (await Promise.all(['en-1', 'en-2', 'en-3', 'en-4', 'en-5'].map((id) => logLines(t.stamp, id, 'replica deleted')))).flat();
    const leader = (await h.managerLeaderId())!;
    const planned = await logLines(t.stamp, leader, 'repair: delete');
    expect(planned.length).toBeGreaterThan(0);
    expect(deletions.length).toBeGreaterThan(0);
  });

  it('finishes re-replication on the standby when the manager leader is killed during it', async () => {
    const writer = await h.openStream('test/manager-failover', 1 * MiB);
    const acked: AckedAppend[] = [];
    const failed = { count: 0 };
    await h.writeUntil(writer, { blockBytes: 128 * KiB, inFlight: 8, stop: () => acked.length >= 24 * 8, acked, failed });
    await writer.close();
    const streamId = writer.streamIdentifier;
    const stream = await h.stream(streamId);
    // The node holding the most replicas of this stream.
    const holders = new Map<string, number>();
    for (const extent of stream.extents) for (const r of extent.replicas) holders.set(r.nodeId, (holders.get(r.nodeId) ?? 0) + 1);
    const victim = [...holders].sort((a, b) => b[1] - a[1])[0]![0];
    const affected = stream.extents.filter((e) => e.sealed && e.replicas.some((r) => r.nodeId === victim)).length;
    expect(affected).toBeGreaterThanOrEqual(6);

    // Slow each recorded copy down on both managers, so the kill lands in the middle of the repair.
    for (const id of ['sm-1', 'sm-2']) await t.stamp.restart(id, ['--failpoints', 'streamManager.beforeRecordCopy=delay:400']);
    await waitFor('a stream manager leader', async () => (await h.managerLeaderId()) !== undefined, { timeoutMs: 60000 });
    const repairStart = Date.now();
    await t.stamp.kill(victim);
    const repaired = async (): Promise<number> =>
      (await h.stream(streamId)).extents.filter((e) => e.sealed && !e.replicas.some((r) => r.nodeId === victim)).length;
    await waitFor('the first extent repaired', async () => (await repaired()) >= 1, { timeoutMs: 60_000 });
    const current = (await h.managerLeaderId())!;
    const before = await repaired();
    const leaderKilledAt = Date.now();
    await t.stamp.kill(current);
    expect(before).toBeLessThan(stream.extents.filter((e) => e.sealed).length);
    await waitFor('every sealed extent back at three healthy replicas after the failover', () => h.fullyReplicated(streamId, 3, [victim], true), {
      timeoutMs: 90_000,
    });
    const repairMs = Date.now() - repairStart;
    const survivor = current === 'sm-1' ? 'sm-2' : 'sm-1';
    const finishedByStandby = (await logLines(t.stamp, survivor, 'repair: replica re-replicated')).filter(
      (line) => Date.parse(String(line.time)) > leaderKilledAt,
    );
    expect(finishedByStandby.length).toBeGreaterThan(0);
    // The stream's last extent is unsealed and may still list the dead node (no writer is left to seal it).
    expect(await h.verifyEverywhere(acked, [victim])).toBeGreaterThanOrEqual(acked.length * 2);
    process.stdout.write(
      `manager failover during repair: extents to repair=${affected} repaired before kill=${before} by ${current}, rest by ${survivor} (${finishedByStandby.length} copies); kill→full-count=${repairMs}ms\n`,
    );
    await t.stamp.restart(victim);
    for (const id of ['sm-1', 'sm-2']) await t.stamp.restart(id);
  });

  // A GET used to answer 200 and then cut the connection when its first block could not be
  // read (the status line had gone out with the streamed body); now the first block is read
  // before the answer, and a failure there is S3 error XML.
  it('answers a GET no replica can serve with 503 ServiceUnavailable XML, then serves it again once the nodes are back', async () => {
    await t.s3.send(new CreateBucketCommand({ Bucket: 'unreachable' }));
    const bodies = { big: Buffer.alloc(2 * MiB + 5, 7), small: Buffer.alloc(200 * KiB, 8) };
    for (const [key, body] of Object.entries(bodies)) await t.s3.send(new PutObjectCommand({ Bucket: 'unreachable', Key: key, Body: body }));
    const nodes = t.stamp
      .processes()
      .filter((p) => p.role === 'extent-node')
      .map((p) => p.id);
    for (const id of nodes) await t.stamp.kill(id);
    try {
      for (const key of Object.keys(bodies)) {
        const error = (await t.s3.send(new GetObjectCommand({ Bucket: 'unreachable', Key: key })).then(
          () => undefined,
          (failure: unknown) => failure,
        )) as { name?: string; $metadata?: { httpStatusCode?: number } } | undefined;
        expect(error?.name, key).toBe('ServiceUnavailable');
        expect(error?.$metadata?.httpStatusCode, key).toBe(503);
      }
    } finally {
      for (const id of nodes) await t.stamp.restart(id);
    }
    for (const [key, body] of Object.entries(bodies)) {
      let got: Buffer | undefined;
      await waitFor(
        `${key} readable again`,
        async () => {
          // Refused while the nodes come back (503); the wait's deadline reports if it never reads.
          got = await getBytes(t.s3, 'unreachable', key).catch(() => undefined);
          return got !== undefined;
        },
        { timeoutMs: 60_000 },
      );
      expect(got!.equals(body), key).toBe(true);
    }
  });
});
