import { waitFor } from '@strata/common/testing';
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobBytes, extentsReport, getBytes, MiB, sha256, type ExtentsReport } from '../helpers/reclamation.js';
import { GARBAGE_GRACE_MS, startReclamationStamp, type ReclamationStamp } from '../helpers/reclamation-stamp.js';

const FRONT_END = 'fe-1';

/**
 * Bytes of blob data: in the partitions' data streams, and everywhere else (the front-end's
 * streams, and its sealed extents that left them for the partitions' holds).
 */
function dataBytes(report: ExtentsReport): { partitions: number; all: number } {
  const partitionStreams = report.streams.filter((s) => !s.name.startsWith('fe/') && s.name.endsWith('/data'));
  return {
    partitions: partitionStreams.reduce((total, s) => total + s.extents.reduce((n, e) => n + e.lengthBytes, 0), 0),
    all: report.extents.filter((e) => e.kind === 'data').reduce((total, e) => total + e.totalBytes, 0),
  };
}

/**
 * The front-end appends the bytes of every body above the inline size to its own streams and
 * sends the partition server only pointers to commit (docs/data-plane.md). Nothing
 * acknowledged may be lost when the front-end dies mid-upload, and space reclamation must
 * still find, compact and collect those extents.
 */
describe("the front-end's own blob-data streams", () => {
  let stamp: ReclamationStamp | undefined;

  beforeAll(async () => {
    // 2 MiB extents (so uploads cross seals), rolled after 1 s, usage scans every second.
    stamp = await startReclamationStamp({ STRATA_GC_REPORT_INTERVAL_MS: '1000', STRATA_DATA_EXTENT_ROLL_MS: '1000' });
  });
  afterAll(async () => {
    await stamp?.close();
  });

  it('hold the bytes of PUTs and parts; the partitions append only small blobs, inside their records', async () => {
    const { t } = stamp!;
    await t.s3.send(new CreateBucketCommand({ Bucket: 'direct' }));
    const bytes = new BlobBytes();
    const before = dataBytes(await extentsReport(t));
    const bodies = new Map<string, Buffer>();
    for (const size of [64 * 1024 + 1, MiB, 3 * MiB + 17]) {
      const body = bytes.make(size);
      await t.s3.send(new PutObjectCommand({ Bucket: 'direct', Key: `put-${size}`, Body: body }));
      bodies.set(`put-${size}`, body);
    }
    const parts = [bytes.make(5 * MiB), bytes.make(MiB + 3)];
    const { UploadId } = await t.s3.send(new CreateMultipartUploadCommand({ Bucket: 'direct', Key: 'multipart' }));
    const etags: string[] = [];
    for (const [i, part] of parts.entries()) {
      etags.push((await t.s3.send(new UploadPartCommand({ Bucket: 'direct', Key: 'multipart', UploadId, PartNumber: i + 1, Body: part }))).ETag!);
    }
    await t.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: 'direct',
        Key: 'multipart',
        UploadId,
        MultipartUpload: { Parts: etags.map((ETag, i) => ({ ETag, PartNumber: i + 1 })) },
      }),
    );
    bodies.set('multipart', Buffer.concat(parts));
    for (const [key, body] of bodies) expect(sha256(await getBytes(t.s3, 'direct', key)), key).toBe(sha256(body));

    // Every byte went down the front-end's chains (plus 16-byte block headers); none through a
    // partition's data stream. (An open extent's length is what its nodes last reported: wait for it.)
    const stored = [...bodies.values()].reduce((sum, body) => sum + body.length, 0);
    let after = before;
    await waitFor(
      "the front-end's extents to report every byte",
      async () => {
        after = dataBytes(await extentsReport(t));
        return after.all - before.all >= stored;
      },
      { timeoutMs: 30_000 },
    );
    expect(after.partitions).toBe(before.partitions);
  });

  it('lose nothing acknowledged when the front-end is killed mid-upload; compaction empties its extents, and idle streams keep only an open one', async () => {
    const { t, p, operator } = stamp!;
    await t.s3.send(new CreateBucketCommand({ Bucket: 'killed' }));
    const bytes = new BlobBytes();
    const acknowledged = new Map<string, string>();
    const refused: string[] = [];
    const put = async (i: number): Promise<void> => {
      const key = `k/${i}`;
      const body = bytes.make(MiB / 2 + (i % 5) * 300_000);
      try {
        await t.s3.send(new PutObjectCommand({ Bucket: 'killed', Key: key, Body: body }));
        acknowledged.set(key, sha256(body));
      } catch (error) {
        refused.push(`${key}: ${(error as Error).name}`);
      }
    };
    // PUTs run while the front-end is killed and the supervisor starts it again: those in
    // flight or sent while it is down fail (the connection drops or is refused), the rest succeed.
    let restarted = false;
    let next = 0;
    const load = Promise.all(
      Array.from({ length: 4 }, async () => {
        while (next < 400 && !(restarted && acknowledged.size >= 60)) await put(next++);
      }),
    );
    await waitFor('some PUTs to be acknowledged', () => acknowledged.size >= 8, { timeoutMs: 60_000 });
    await t.stamp.kill(FRONT_END);
    await t.stamp.restart(FRONT_END);
    restarted = true;
    await load;
    expect(acknowledged.size).toBeGreaterThanOrEqual(60);
    for (const failure of refused) expect(failure).not.toMatch(/BadDigest|InvalidDigest|IncompleteBody|InternalError/);
    for (const [key, digest] of acknowledged) expect(sha256(await getBytes(t.s3, 'killed', key)), key).toBe(digest);

    // Two thirds deleted: the partitions compact their survivors out of the front-end's
    // extents they hold (no stream lists those once sealed and no upload needs them), and drop
    // their holds where no blob is left; those extents are then collected.
    const survivors = new Map([...acknowledged].filter((_, i) => i % 3 === 0));
    for (const key of acknowledged.keys()) if (!survivors.has(key)) await t.s3.send(new DeleteObjectCommand({ Bucket: 'killed', Key: key }));
    const errors: string[] = [];
    await waitFor(
      'compaction to leave no mostly-dead or dead extent of the front-end',
      async () => {
        await p.reportUsage();
        errors.push(...(await operator.gcRun()).errors);
        const report = await extentsReport(t);
        return report.extents.filter((e) => e.streams.length === 0 && e.sealed && e.liveBytes !== null && e.liveBytes < e.totalBytes * 0.6).length === 0;
      },
      { timeoutMs: 90_000 },
    );
    expect(errors).toEqual([]);
    const graceEnds = performance.now() + GARBAGE_GRACE_MS + 1_000;
    await waitFor('the garbage grace period to pass', () => performance.now() >= graceEnds, { timeoutMs: 10_000 });
    for (const [key, digest] of survivors) expect(sha256(await getBytes(t.s3, 'killed', key)), key).toBe(digest);

    // Idle, each of the front-end's streams lists only its open extent, empty: every sealed
    // one (the killed run's included) left it, to the partitions' holds or to collection.
    await waitFor(
      "the front-end's streams to keep only an empty open extent",
      async () => {
        const streams = (await extentsReport(t)).streams.filter((s) => s.name.startsWith(`fe/${FRONT_END}/`));
        return streams.length > 0 && streams.every((s) => s.extents.length === 1 && !s.extents[0]!.sealed && s.extents[0]!.lengthBytes === 0);
      },
      { timeoutMs: 60_000 },
    );
  });
});
