import { createHash, randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  PutObjectCommand,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { crc32 } from '@node-rs/crc32';
import { waitFor } from '@strata/common/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestStamp, type TestStamp } from '../helpers/test-stamp.js';

const MiB = 1024 * 1024;
const BUCKET = 'multi';

const md5 = (data: Buffer): Buffer => createHash('md5').update(data).digest();
const sha256Hex = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
const crc32Of = (data: Buffer): Buffer => {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(crc32(data) >>> 0);
  return out;
};
/** S3's ETag of a multipart object from its parts' bytes. */
const multipartEtag = (parts: Buffer[]): string =>
  `"${createHash('md5')
    .update(Buffer.concat(parts.map(md5)))
    .digest('hex')}-${parts.length}"`;

/** Multipart uploads through the AWS SDK at its default settings (which add CRC32 checksums). */
describe('multipart uploads', () => {
  let t: TestStamp;

  beforeAll(async () => {
    t = await startTestStamp();
    await t.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  });
  afterAll(async () => {
    await t?.destroy();
  });

  const readAll = async (key: string): Promise<Buffer> => {
    const got = await t.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    return Buffer.from(await got.Body!.transformToByteArray());
  };

  it('creates, uploads parts, lists them, completes with the S3 ETag, and the object reads back whole', async () => {
    const key = 'docs/report é.bin';
    const created = await t.s3.send(
      new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key, ContentType: 'application/x-report', Metadata: { owner: 'ada' } }),
    );
    const uploadId = created.UploadId!;
    expect(uploadId).toMatch(/^[0-9a-f]{32}$/);
    const parts = [randomBytes(5 * MiB), randomBytes(5 * MiB + 123), randomBytes(777)];
    // Out of order and one part uploaded twice: the last upload of a number wins.
    const etags: string[] = [];
    await t.s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, PartNumber: 2, Body: randomBytes(5 * MiB) }));
    for (const i of [2, 0, 1]) {
      const answer = await t.s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, PartNumber: i + 1, Body: parts[i] }));
      expect(answer.ETag).toBe(`"${md5(parts[i]!).toString('hex')}"`);
      etags[i] = answer.ETag!;
    }
    const listed = await t.s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId }));
    expect(listed.Parts!.map((p) => [p.PartNumber, p.Size, p.ETag])).toEqual(parts.map((p, i) => [i + 1, p.length, etags[i]]));
    expect(listed.Parts![0]!.ChecksumCRC32).toBeDefined();
    const page = await t.s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, MaxParts: 2 }));
    expect(page).toMatchObject({ IsTruncated: true, NextPartNumberMarker: '2' });
    const rest = await t.s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, PartNumberMarker: page.NextPartNumberMarker }));
    expect(rest.Parts!.map((p) => p.PartNumber)).toEqual([3]);
    expect((await t.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'docs/' }))).KeyCount).toBe(0);

    const done = await t.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: BUCKET,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts.map((_, i) => ({ PartNumber: i + 1, ETag: etags[i] })) },
      }),
    );
    expect(done).toMatchObject({ Bucket: BUCKET, Key: key, ETag: multipartEtag(parts) });
    const head = await t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(head).toMatchObject({ ContentLength: 10 * MiB + 900, ETag: multipartEtag(parts), ContentType: 'application/x-report', Metadata: { owner: 'ada' } });
    expect(sha256Hex(await readAll(key))).toBe(sha256Hex(Buffer.concat(parts)));
    // GET and HEAD of one part (partNumber=N) are not implemented: 501, never the whole object as if it were the part.
    await expect(t.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key, PartNumber: 1 }))).rejects.toMatchObject({
      name: 'NotImplemented',
      $metadata: { httpStatusCode: 501 },
    });
    await expect(t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key, PartNumber: 1 }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 501 } });
    const listing = await t.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'docs/' }));
    expect(listing.Contents!.map((c) => [c.Key, c.Size, c.ETag])).toEqual([[key, 10 * MiB + 900, multipartEtag(parts)]]);
    // The upload is gone, and a retried completion gets the same answer.
    await expect(t.s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId }))).rejects.toMatchObject({
      name: 'NoSuchUpload',
      $metadata: { httpStatusCode: 404 },
    });
    const again = await t.s3.send(
      new CompleteMultipartUploadCommand({
        Bucket: BUCKET,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: parts.map((_, i) => ({ PartNumber: i + 1, ETag: etags[i] })) },
      }),
    );
    expect(again.ETag).toBe(done.ETag);
  });

  it('a part uploaded twice at once: the upload that finishes last wins, and only its ETag completes the object', async () => {
    const key = 'raced-part';
    const uploadId = (await t.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key }))).UploadId!;
    // Over the inline limit, so both bodies go down the front-end's data streams side by side.
    const [first, second] = [randomBytes(MiB + 3), randomBytes(MiB + 5)];
    // The first upload starts, sends half its body and waits; the second runs whole meanwhile.
    const body = new PassThrough();
    const slow = t.s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, PartNumber: 1, Body: body, ContentLength: first.length }));
    body.write(first.subarray(0, first.length / 2));
    await waitFor('the first upload to read half its body', () => body.readableLength === 0);
    const fast = await t.s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, PartNumber: 1, Body: second }));
    body.end(first.subarray(first.length / 2));
    const last = await slow;
    expect(last.ETag).toBe(`"${md5(first).toString('hex')}"`);
    const listed = await t.s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId }));
    expect(listed.Parts!.map((part) => [part.PartNumber, part.ETag, part.Size])).toEqual([[1, last.ETag, first.length]]);
    // The part the second upload stored was replaced: S3 answers 400 InvalidPart to completing with it.
    const complete = (etag: string) =>
      t.s3.send(
        new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: etag }] } }),
      );
    await expect(complete(fast.ETag!)).rejects.toMatchObject({ name: 'InvalidPart', $metadata: { httpStatusCode: 400 } });
    const done = await complete(last.ETag!);
    expect(done.ETag).toBe(multipartEtag([first]));
    expect((await readAll(key)).equals(first)).toBe(true);
  });

  it('aborts an upload: its parts go and the key stays empty', async () => {
    const created = await t.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'aborted' }));
    await t.s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: 'aborted', UploadId: created.UploadId, PartNumber: 1, Body: randomBytes(1000) }));
    await t.s3.send(new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: 'aborted', UploadId: created.UploadId }));
    await expect(t.s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: 'aborted', UploadId: created.UploadId }))).rejects.toMatchObject({
      name: 'NoSuchUpload',
    });
    await expect(t.s3.send(new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: 'aborted', UploadId: created.UploadId }))).rejects.toMatchObject({
      name: 'NoSuchUpload',
    });
    await expect(t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'aborted' }))).rejects.toMatchObject({ name: 'NotFound' });
  });

  it('lists open uploads in key and initiation order, with prefix, delimiter and markers', async () => {
    const bucket = 'uploads';
    await t.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const keys = ['a/1', 'a/2', 'b', 'b', 'c/x/y', 'd'];
    const ids: string[] = [];
    for (const key of keys) ids.push((await t.s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key }))).UploadId!);
    // A blob and a completed upload are not listed.
    await t.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'a/0', Body: 'x' }));
    const all = await t.s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }));
    expect(all.Uploads!.map((u) => [u.Key, u.UploadId])).toEqual(keys.map((k, i) => [k, ids[i]]));
    expect(all.IsTruncated).toBe(false);
    const first = await t.s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, MaxUploads: 3 }));
    expect(first).toMatchObject({ IsTruncated: true, NextKeyMarker: 'b', NextUploadIdMarker: ids[2] });
    const second = await t.s3.send(
      new ListMultipartUploadsCommand({ Bucket: bucket, KeyMarker: first.NextKeyMarker, UploadIdMarker: first.NextUploadIdMarker }),
    );
    expect(second.Uploads!.map((u) => u.UploadId)).toEqual(ids.slice(3));
    const afterKey = await t.s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, KeyMarker: 'b' }));
    expect(afterKey.Uploads!.map((u) => u.Key)).toEqual(['c/x/y', 'd']);
    const folders = await t.s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, Delimiter: '/' }));
    expect(folders.CommonPrefixes!.map((c) => c.Prefix)).toEqual(['a/', 'c/']);
    expect(folders.Uploads!.map((u) => u.Key)).toEqual(['b', 'b', 'd']);
    const inA = await t.s3.send(new ListMultipartUploadsCommand({ Bucket: bucket, Prefix: 'a/' }));
    expect(inA.Uploads!.map((u) => u.Key)).toEqual(['a/1', 'a/2']);
    for (const [i, key] of keys.entries()) await t.s3.send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: ids[i] }));
    expect((await t.s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? []).toEqual([]);
  });

  it('completes conditionally: If-None-Match: * and If-Match answer 412 (or 404) and leave the upload open; a conflict is 409', async () => {
    const start = async (key: string): Promise<{ uploadId: string; parts: { PartNumber: number; ETag: string }[] }> => {
      const uploadId = (await t.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key }))).UploadId!;
      const parts = [];
      for (const [i, size] of [5 * MiB, 10].entries()) {
        parts.push({
          PartNumber: i + 1,
          ETag: (await t.s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, PartNumber: i + 1, Body: randomBytes(size) }))).ETag!,
        });
      }
      return { uploadId, parts };
    };
    const complete = (key: string, uploadId: string, parts: { PartNumber: number; ETag: string }[], condition: { IfNoneMatch?: string; IfMatch?: string }) =>
      t.s3.send(new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, MultipartUpload: { Parts: parts }, ...condition }));
    const existing = await t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'cond/existing', Body: 'old' }));
    const a = await start('cond/existing');
    await expect(complete('cond/existing', a.uploadId, a.parts, { IfNoneMatch: '*' })).rejects.toMatchObject({
      name: 'PreconditionFailed',
      $metadata: { httpStatusCode: 412 },
    });
    await expect(complete('cond/existing', a.uploadId, a.parts, { IfMatch: '"0123456789abcdef0123456789abcdef"' })).rejects.toMatchObject({
      name: 'PreconditionFailed',
    });
    expect((await readAll('cond/existing')).toString()).toBe('old');
    const done = await complete('cond/existing', a.uploadId, a.parts, { IfMatch: existing.ETag! });
    expect((await t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'cond/existing' }))).ETag).toBe(done.ETag);

    const b = await start('cond/new');
    await expect(complete('cond/new', b.uploadId, b.parts, { IfMatch: '"0123456789abcdef0123456789abcdef"' })).rejects.toMatchObject({
      name: 'NoSuchKey',
      $metadata: { httpStatusCode: 404 },
    });
    await complete('cond/new', b.uploadId, b.parts, { IfNoneMatch: '*' });
    // Another completion of the same upload with other parts: the upload is gone (409 for a conditional one).
    await expect(complete('cond/new', b.uploadId, b.parts.slice(0, 1), { IfNoneMatch: '*' })).rejects.toMatchObject({
      name: 'ConditionalRequestConflict',
      $metadata: { httpStatusCode: 409 },
    });
    await expect(complete('cond/new', b.uploadId, b.parts.slice(0, 1), {})).rejects.toMatchObject({ name: 'NoSuchUpload' });
  });

  it('keeps part checksums and derives the object checksum: COMPOSITE (CRC32, SHA256) and FULL_OBJECT (CRC32, CRC64NVME)', async () => {
    const parts = [randomBytes(5 * MiB), randomBytes(3000)];
    const cases = [
      { algorithm: 'CRC32', type: 'COMPOSITE', field: 'ChecksumCRC32', expected: `${crc32Of(Buffer.concat(parts.map(crc32Of))).toString('base64')}-2` },
      {
        algorithm: 'SHA256',
        type: 'COMPOSITE',
        field: 'ChecksumSHA256',
        expected: `${createHash('sha256')
          .update(Buffer.concat(parts.map((p) => createHash('sha256').update(p).digest())))
          .digest('base64')}-2`,
      },
      { algorithm: 'CRC32', type: 'FULL_OBJECT', field: 'ChecksumCRC32', expected: crc32Of(Buffer.concat(parts)).toString('base64') },
      { algorithm: 'CRC64NVME', type: 'FULL_OBJECT', field: 'ChecksumCRC64NVME', expected: undefined },
    ] as const;
    for (const c of cases) {
      const key = `sums/${c.algorithm}-${c.type}`;
      const created = await t.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key, ChecksumAlgorithm: c.algorithm, ChecksumType: c.type }));
      expect(created).toMatchObject({ ChecksumAlgorithm: c.algorithm, ChecksumType: c.type });
      const listed = [];
      for (const [i, part] of parts.entries()) {
        const answer = await t.s3.send(
          new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId: created.UploadId, PartNumber: i + 1, Body: part, ChecksumAlgorithm: c.algorithm }),
        );
        expect(answer[c.field]).toBeDefined();
        listed.push({ PartNumber: i + 1, ETag: answer.ETag, [c.field]: answer[c.field] });
      }
      const shown = await t.s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: key, UploadId: created.UploadId }));
      expect(shown.Parts!.map((p) => p[c.field])).toEqual(listed.map((p) => p[c.field]));
      expect(shown).toMatchObject({ ChecksumAlgorithm: c.algorithm, ChecksumType: c.type });
      // Each listed part must carry its checksum.
      await expect(
        t.s3.send(
          new CompleteMultipartUploadCommand({
            Bucket: BUCKET,
            Key: key,
            UploadId: created.UploadId,
            MultipartUpload: { Parts: listed.map((p) => ({ PartNumber: p.PartNumber, ETag: p.ETag })) },
          }),
        ),
      ).rejects.toMatchObject({ name: 'InvalidRequest', $metadata: { httpStatusCode: 400 } });
      const done = await t.s3.send(
        new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId: created.UploadId, MultipartUpload: { Parts: listed } }),
      );
      expect(done.ChecksumType).toBe(c.type);
      if (c.expected) expect(done[c.field]).toBe(c.expected);
      else expect(done[c.field]).toMatch(/^[A-Za-z0-9+/]{11}=$/);
      // GET and HEAD return it where a PUT's is (the SDK checks a FULL_OBJECT one against the bytes; a COMPOSITE one it cannot).
      const head = await t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key, ChecksumMode: 'ENABLED' }));
      expect(head).toMatchObject({ [c.field]: done[c.field], ChecksumType: c.type });
      expect(sha256Hex(await readAll(key))).toBe(sha256Hex(Buffer.concat(parts)));
    }
  });

  it('deletes a bucket holding only incomplete uploads, and they go with it (a bucket with an object is BucketNotEmpty)', async () => {
    const bucket = 'short-lived';
    await t.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const uploadId = (await t.s3.send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: 'pending' }))).UploadId!;
    await t.s3.send(new UploadPartCommand({ Bucket: bucket, Key: 'pending', UploadId: uploadId, PartNumber: 1, Body: 'x' }));
    await t.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'object', Body: 'x' }));
    await expect(t.s3.send(new DeleteBucketCommand({ Bucket: bucket }))).rejects.toMatchObject({ name: 'BucketNotEmpty', $metadata: { httpStatusCode: 409 } });
    await t.s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'object' }));
    await t.s3.send(new DeleteBucketCommand({ Bucket: bucket }));
    await t.s3.send(new CreateBucketCommand({ Bucket: bucket }));
    expect((await t.s3.send(new ListMultipartUploadsCommand({ Bucket: bucket }))).Uploads ?? []).toEqual([]);
    await expect(t.s3.send(new ListPartsCommand({ Bucket: bucket, Key: 'pending', UploadId: uploadId }))).rejects.toMatchObject({ name: 'NoSuchUpload' });
  });

  it('uploads 200 MiB through @aws-sdk/lib-storage and reads it back byte-identical', async () => {
    const body = randomBytes(200 * MiB);
    const started = Date.now();
    const upload = new Upload({ client: t.s3, params: { Bucket: BUCKET, Key: 'big/200MiB', Body: body } });
    const done = await upload.done();
    const seconds = (Date.now() - started) / 1000;
    expect(done.ETag).toMatch(/^"[0-9a-f]{32}-40"$/);
    // lib-storage asks for CRC32 part checksums by default: the object's is their COMPOSITE.
    expect(done).toMatchObject({ ChecksumType: 'COMPOSITE', ChecksumCRC32: expect.stringMatching(/-40$/) });
    const readStarted = Date.now();
    const back = await readAll('big/200MiB');
    const readSeconds = (Date.now() - readStarted) / 1000;
    expect(back.length).toBe(body.length);
    expect(sha256Hex(back)).toBe(sha256Hex(body));
    process.stdout.write(
      `multipart: 200 MiB through lib-storage (40 parts of 5 MiB, 4 at once) in ${seconds.toFixed(1)} s = ${(200 / seconds).toFixed(1)} MiB/s; read back at ${(200 / readSeconds).toFixed(1)} MiB/s\n`,
    );
  });
});
