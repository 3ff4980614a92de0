import { waitFor } from '@strata/common/testing';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteObjectCommand,
  PutObjectCommand,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import type { partitionV1 } from '@strata/protos';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobBytes, extentsReport, getBytes, MiB, sha256 } from '../helpers/reclamation.js';
import { startReclamationStamp, type ReclamationStamp } from '../helpers/reclamation-stamp.js';

const SOURCES = 12;
/** Copies made while compaction runs: enough that some land between a compaction's copy and its release. */
const COPY_ROUNDS = 4;

/**
 * Copies reference their source's blocks, in another partition's extents. Space reclamation
 * must keep those extents alive for the copies: while compaction of the source's partition
 * races the copies, and after the sources are deleted and their extents compacted away.
 */
describe('copies and space reclamation', () => {
  let stamp: ReclamationStamp | undefined;

  beforeAll(async () => {
    stamp = await startReclamationStamp({ STRATA_GC_REPORT_INTERVAL_MS: '1000' });
  });
  afterAll(async () => {
    await stamp?.close();
  });

  it('keeps every copy (CopyObject and UploadPartCopy, across partitions) whole while its source is compacted, then deleted and collected', async () => {
    const { t, p, operator } = stamp!;
    const account = t.stamp.info.account;
    for (const bucket of ['a-source', 'z-copies']) await t.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    // Sources and copies in different partitions: the copies' records point into extents of
    // a partition that is not theirs.
    const [only] = await p.partitions();
    await operator.split(only!.partitionId, `${account}\u0000z-copies`);
    expect((await p.partitions()).length).toBe(2);

    // Sources among garbage (deleted neighbours), so their extents are worth compacting.
    const bytes = new BlobBytes();
    const sources = new Map<string, Buffer>();
    for (let i = 0; i < SOURCES * 3; i++) {
      const body = bytes.make(MiB / 2 + i * 4096);
      await t.s3.send(new PutObjectCommand({ Bucket: 'a-source', Key: `s/${i}`, Body: body }));
      if (i % 3 === 0) sources.set(`s/${i}`, body);
    }
    for (let i = 0; i < SOURCES * 3; i++) if (i % 3 !== 0) await t.s3.send(new DeleteObjectCommand({ Bucket: 'a-source', Key: `s/${i}` }));

    const copies = new Map<string, string>();
    const failures: string[] = [];
    const rounds: partitionV1.GcRound__Output[] = [];
    let copying = true;
    const collector = async (): Promise<void> => {
      while (copying) rounds.push(await operator.gcRun());
    };
    const copier = async (): Promise<void> => {
      for (let round = 0; round < COPY_ROUNDS; round++) {
        for (const [key, body] of sources) {
          const target = `c/${round}/${key}`;
          try {
            if (round % 2 === 0) {
              await t.s3.send(new CopyObjectCommand({ Bucket: 'z-copies', Key: target, CopySource: `a-source/${key}` }));
            } else {
              const { UploadId } = await t.s3.send(new CreateMultipartUploadCommand({ Bucket: 'z-copies', Key: target }));
              const part = await t.s3.send(
                new UploadPartCopyCommand({ Bucket: 'z-copies', Key: target, UploadId, PartNumber: 1, CopySource: `a-source/${key}` }),
              );
              await t.s3.send(
                new CompleteMultipartUploadCommand({
                  Bucket: 'z-copies',
                  Key: target,
                  UploadId,
                  MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.CopyPartResult!.ETag! }] },
                }),
              );
            }
            copies.set(target, sha256(body));
          } catch (error) {
            failures.push(`${target}: ${(error as Error).name} ${(error as Error).message}`);
          }
        }
      }
    };
    const collecting = collector();
    try {
      await copier();
    } finally {
      copying = false;
      await collecting;
    }
    // A copy racing its source's compaction may be refused (503, which the SDK retries); none
    // may be lost or wrong.
    expect(failures).toEqual([]);
    expect(copies.size).toBe(SOURCES * COPY_ROUNDS);

    // Delete every source, collect until their extents are gone from every stream, wait out the
    // garbage grace period, and read every copy.
    for (const key of sources.keys()) await t.s3.send(new DeleteObjectCommand({ Bucket: 'a-source', Key: key }));
    await waitFor(
      'compaction to leave no mostly-dead data extent',
      async () => {
        await p.reportUsage();
        rounds.push(await operator.gcRun());
        const report = await extentsReport(t);
        return report.extents.filter((e) => e.kind === 'data' && e.sealed && e.liveBytes !== null && e.liveBytes < e.totalBytes * 0.6).length === 0;
      },
      { timeoutMs: 90_000 },
    );
    expect(rounds.flatMap((round) => round.errors)).toEqual([]);
    // Released extents are deleted from the disks once the grace period after their
    // condemnation has passed: by then only held extents are left of the sources'.
    const graceEnds = performance.now() + 4_000;
    await waitFor('the garbage grace period (3 s) to pass', () => performance.now() >= graceEnds, { timeoutMs: 10_000 });
    for (const [key, digest] of copies) expect(sha256(await getBytes(t.s3, 'z-copies', key)), key).toBe(digest);
    const rewritten = rounds.reduce((sum, round) => sum + Number(round.recordsRewritten), 0);
    const released = rounds.reduce((sum, round) => sum + Number(round.extentsReleased), 0);
    expect(released).toBeGreaterThan(0);
    process.stdout.write(
      `copies and reclamation: ${copies.size} copies whole after ${rounds.length} rounds rewrote ${rewritten} records and released ${released} extents\n`,
    );
  });
});
