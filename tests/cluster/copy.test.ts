import { waitFor } from '@strata/common/testing';
import { createHash, randomBytes } from 'node:crypto';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  UploadPartCommand,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import { PartitionManagerClient } from '@strata/partition-layer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartitionHarness } from '../helpers/partition-harness.js';
import { logLines } from '../helpers/stream-harness.js';
import { startTestStamp, type TestStamp } from '../helpers/test-stamp.js';

const MiB = 1024 * 1024;
const BUCKET = 'copies';
const sha256Hex = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/** Server-side copies by reference: CopyObject and UploadPartCopy move no blob bytes. */
describe('server-side copies', () => {
  let t: TestStamp;
  let p: PartitionHarness;
  let operator: PartitionManagerClient;
  const account = (): string => t.stamp.info.account;

  beforeAll(async () => {
    t = await startTestStamp({ partitionServers: 2, env: { STRATA_AUTO_BALANCE: 'false' } });
    p = await PartitionHarness.open(t.stamp);
    operator = new PartitionManagerClient({ etcd: p.etcd, prefix: t.stamp.info.etcdPrefix });
    await t.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  });
  afterAll(async () => {
    operator?.close();
    await p?.close();
    await t?.destroy();
  });

  const readAll = async (key: string, bucket = BUCKET): Promise<Buffer> => {
    const got = await t.s3.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    return Buffer.from(await got.Body!.transformToByteArray());
  };
  const blocksOf = async (key: string): Promise<string[]> => {
    const info = await p.client.getBlob({ account: account(), container: BUCKET, blob: key });
    return info.record!.blocks.map((b) => `${b.extentId}@${b.offset}+${b.dataBytes}`);
  };

  it('copies with the source metadata (COPY) or the request metadata (REPLACE), keeping the ETag', async () => {
    const body = randomBytes(3 * MiB + 17);
    const put = await t.s3.send(
      new PutObjectCommand({ Bucket: BUCKET, Key: 'a/source', Body: body, ContentType: 'text/x-source', Metadata: { colour: 'blue' } }),
    );
    const copied = await t.s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: 'a/copy', CopySource: `${BUCKET}/a/source` }));
    expect(copied.CopyObjectResult!.ETag).toBe(put.ETag);
    // The SDK sends a CRC32 with every PUT: the copy keeps it.
    expect(copied.CopyObjectResult!.ChecksumCRC32).toBe(put.ChecksumCRC32);
    expect(await t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'a/copy', ChecksumMode: 'ENABLED' }))).toMatchObject({
      ChecksumCRC32: put.ChecksumCRC32,
      ChecksumType: 'FULL_OBJECT',
    });
    expect(await t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'a/copy' }))).toMatchObject({
      ContentType: 'text/x-source',
      Metadata: { colour: 'blue' },
      ETag: put.ETag,
    });
    expect(await blocksOf('a/copy')).toEqual(await blocksOf('a/source'));
    await t.s3.send(
      new CopyObjectCommand({
        Bucket: BUCKET,
        Key: 'a/replaced',
        CopySource: `${BUCKET}/a/source`,
        MetadataDirective: 'REPLACE',
        ContentType: 'text/x-new',
        Metadata: { size: 'l' },
      }),
    );
    const replaced = await t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'a/replaced' }));
    expect(replaced).toMatchObject({ ContentType: 'text/x-new', Metadata: { size: 'l' } });
    // A key with characters that need encoding in x-amz-copy-source.
    await t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a/ü +%?.txt', Body: 'odd' }));
    await t.s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: 'a/odd-copy', CopySource: `${BUCKET}/${encodeURIComponent('a/ü +%?.txt')}` }));
    expect((await readAll('a/odd-copy')).toString()).toBe('odd');
    // Onto itself only with REPLACE.
    await expect(t.s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: 'a/source', CopySource: `${BUCKET}/a/source` }))).rejects.toMatchObject({
      name: 'InvalidRequest',
      $metadata: { httpStatusCode: 400 },
    });
    await t.s3.send(
      new CopyObjectCommand({ Bucket: BUCKET, Key: 'a/source', CopySource: `${BUCKET}/a/source`, MetadataDirective: 'REPLACE', Metadata: { colour: 'red' } }),
    );
    expect((await t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'a/source' }))).Metadata).toEqual({ colour: 'red' });
    expect(sha256Hex(await readAll('a/source'))).toBe(sha256Hex(body));
  });

  it('checks x-amz-copy-source-if-* on the source: 412 PreconditionFailed and nothing stored', async () => {
    const put = await t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a/guarded', Body: 'guarded' }));
    const lastModified = (await t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'a/guarded' }))).LastModified!;
    const past = new Date(lastModified.getTime() - 3_600_000);
    const future = new Date(lastModified.getTime() + 3_600_000);
    const refused = [
      { CopySourceIfMatch: '"0123456789abcdef0123456789abcdef"' },
      { CopySourceIfNoneMatch: put.ETag },
      { CopySourceIfUnmodifiedSince: past },
      { CopySourceIfModifiedSince: future },
    ];
    for (const [i, condition] of refused.entries()) {
      await expect(
        t.s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: `a/refused-${i}`, CopySource: `${BUCKET}/a/guarded`, ...condition })),
      ).rejects.toMatchObject({
        name: 'PreconditionFailed',
        $metadata: { httpStatusCode: 412 },
      });
      await expect(t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `a/refused-${i}` }))).rejects.toMatchObject({ name: 'NotFound' });
    }
    const allowed = [
      { CopySourceIfMatch: put.ETag },
      { CopySourceIfNoneMatch: '"0123456789abcdef0123456789abcdef"' },
      { CopySourceIfModifiedSince: past },
      { CopySourceIfMatch: put.ETag, CopySourceIfUnmodifiedSince: past },
    ];
    for (const [i, condition] of allowed.entries()) {
      await t.s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: `a/allowed-${i}`, CopySource: `${BUCKET}/a/guarded`, ...condition }));
      expect((await readAll(`a/allowed-${i}`)).toString()).toBe('guarded');
    }
  });

  it('copies across partitions on different servers, and the copy outlives its source', async () => {
    const [only] = await p.partitions();
    await operator.split(only!.partitionId, `${account()}\u0000${BUCKET}\u0000m`);
    const children = (await p.partitions()).sort((a, b) => Buffer.compare(Buffer.from(a.lowKey), Buffer.from(b.lowKey)));
    const right = children.find((c) => c.lowKey.endsWith('\u0000m'))!;
    const other = children.find((c) => c !== right)!.ownerId === 'ps-1' ? 'ps-2' : 'ps-1';
    await operator.move(right.partitionId, other);
    await waitFor('the partitions on two servers', async () => new Set((await p.partitions()).map((x) => x.ownerId)).size === 2, { timeoutMs: 60_000 });
    // Its former owner was alive and may have served reads until it heard: the new owner
    // waited out that server's read fence before opening the partition.
    await waitFor(
      'the new owner to wait out the read fence',
      async () =>
        (await logLines(t.stamp, other, 'partition waits until its previous owner has stopped serving')).some((line) => line.partitionId === right.partitionId),
      { timeoutMs: 30_000 },
    );

    const body = randomBytes(100 * MiB);
    await t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a/big', Body: body }));
    await t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a/small', Body: randomBytes(MiB) }));
    const timed = async (source: string, target: string): Promise<number> => {
      const started = performance.now();
      await t.s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: target, CopySource: `${BUCKET}/${source}` }));
      return performance.now() - started;
    };
    const big: number[] = [];
    const small: number[] = [];
    for (let i = 0; i < 5; i++) {
      small.push(await timed('a/small', `z/small-${i}`));
      big.push(await timed('a/big', `z/big-${i}`));
    }
    expect(await blocksOf('z/big-0')).toEqual(await blocksOf('a/big'));
    await t.s3.send(new DeleteObjectCommand({ Bucket: BUCKET, Key: 'a/big' }));
    expect(sha256Hex(await readAll('z/big-4'))).toBe(sha256Hex(body));
    // The copy's time does not grow with the size: no byte moves.
    expect(median(big)).toBeLessThan(median(small) * 3 + 200);
    process.stdout.write(
      `copy: CopyObject across partitions on two servers, median of 5: 100 MiB in ${median(big).toFixed(1)} ms, 1 MiB in ${median(small).toFixed(1)} ms\n`,
    );
  });

  it('a bucket split across partitions: DELETE is refused while either part holds a key, then the bucket goes from both parts', async () => {
    const bucket = 'copies-split';
    await t.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await t.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'a', Body: 'left' }));
    const at = `${account()}\u0000${bucket}\u0000m`;
    const holder = (await p.partitions()).find((x) => x.lowKey <= at && (x.highKey === '' || at < x.highKey))!;
    await operator.split(holder.partitionId, at);
    // The right part knows the bucket from its copy of the record (partition servers keep which containers exist in memory).
    await t.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'z', Body: 'right' }));
    await expect(t.s3.send(new DeleteBucketCommand({ Bucket: bucket }))).rejects.toMatchObject({ name: 'BucketNotEmpty', $metadata: { httpStatusCode: 409 } });
    await t.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'a' }));
    await expect(t.s3.send(new DeleteBucketCommand({ Bucket: bucket }))).rejects.toMatchObject({ name: 'BucketNotEmpty', $metadata: { httpStatusCode: 409 } });
    await t.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'z' }));
    await t.s3.send(new DeleteBucketCommand({ Bucket: bucket }));
    for (const key of ['a', 'z']) {
      await expect(t.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'late' })), key).rejects.toMatchObject({
        name: 'NoSuchBucket',
        $metadata: { httpStatusCode: 404 },
      });
    }
  });

  it('makes parts of ranges of other objects with UploadPartCopy, writing only the blocks a range cuts', async () => {
    const source = randomBytes(12 * MiB + 4321);
    await t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'a/parts-source', Body: source }));
    const sourceBlocks = await blocksOf('a/parts-source');
    const created = await t.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'z/assembled' }));
    const uploadId = created.UploadId!;
    const ranges: [number, number][] = [
      [1000, 6 * MiB + 99], // cuts its first and last block
      [2 * MiB, 7 * MiB - 1], // whole blocks only
    ];
    const parts: { PartNumber: number; ETag: string }[] = [];
    for (const [i, [first, last]] of ranges.entries()) {
      const copied = await t.s3.send(
        new UploadPartCopyCommand({
          Bucket: BUCKET,
          Key: 'z/assembled',
          UploadId: uploadId,
          PartNumber: i + 1,
          CopySource: `${BUCKET}/a/parts-source`,
          CopySourceRange: `bytes=${first}-${last}`,
        }),
      );
      parts.push({ PartNumber: i + 1, ETag: copied.CopyPartResult!.ETag! });
    }
    const tail = randomBytes(1000);
    parts.push({
      PartNumber: 3,
      ETag: (await t.s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: 'z/assembled', UploadId: uploadId, PartNumber: 3, Body: tail }))).ETag!,
    });
    const whole = await t.s3.send(
      new UploadPartCopyCommand({ Bucket: BUCKET, Key: 'z/assembled', UploadId: uploadId, PartNumber: 4, CopySource: `${BUCKET}/a/parts-source` }),
    );
    expect(whole.CopyPartResult!.ETag).toBe(`"${createHash('md5').update(source).digest('hex')}"`);
    parts.push({ PartNumber: 4, ETag: whole.CopyPartResult!.ETag! });
    await expect(
      t.s3.send(new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: 'z/assembled', UploadId: uploadId, MultipartUpload: { Parts: parts } })),
    ).rejects.toMatchObject({ name: 'EntityTooSmall' });
    parts.splice(2, 1);
    parts[2]!.PartNumber = 3;
    await t.s3.send(
      new UploadPartCopyCommand({ Bucket: BUCKET, Key: 'z/assembled', UploadId: uploadId, PartNumber: 3, CopySource: `${BUCKET}/a/parts-source` }),
    );
    await t.s3.send(new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: 'z/assembled', UploadId: uploadId, MultipartUpload: { Parts: parts } }));
    const expected = Buffer.concat([...ranges.map(([first, last]) => source.subarray(first, last + 1)), source]);
    expect(sha256Hex(await readAll('z/assembled'))).toBe(sha256Hex(expected));
    // Every block but the two edges of the first range is one of the source's.
    const assembled = await blocksOf('z/assembled');
    expect(assembled.filter((block) => !sourceBlocks.includes(block))).toHaveLength(2);
    // A range GET across the short re-written block at the end of part 1 and into part 2.
    const [first, last] = [6 * MiB - 500, 6 * MiB + 3000];
    const ranged = await t.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'z/assembled', Range: `bytes=${first}-${last}` }));
    expect(ranged.ContentRange).toBe(`bytes ${first}-${last}/${expected.length}`);
    expect(Buffer.from(await ranged.Body!.transformToByteArray()).equals(expected.subarray(first, last + 1))).toBe(true);
  });
});
