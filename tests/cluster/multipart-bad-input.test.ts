import { createHash, randomBytes } from 'node:crypto';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  PutObjectCommand,
  UploadPartCommand,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedRequest } from '../helpers/raw-s3.js';
import { startTestStamp, type TestStamp } from '../helpers/test-stamp.js';

const MiB = 1024 * 1024;
const BUCKET = 'mp-bad';
const sha256Hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');
const errorCode = (body: string): string => /<Code>([^<]*)<\/Code>/.exec(body)?.[1] ?? '';

/** Bad multipart and copy requests: each gets its S3 error, and no object appears. */
describe('bad multipart and copy input: a clear S3 error, and nothing stored', () => {
  let t: TestStamp;

  beforeAll(async () => {
    t = await startTestStamp();
    await t.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  });
  afterAll(async () => {
    await t?.destroy();
  });

  const expectNothingStored = async (key: string): Promise<void> => {
    await expect(t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))).rejects.toMatchObject({ name: 'NotFound' });
    expect((await t.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: key }))).KeyCount).toBe(0);
  };
  /** An upload of `key` with two parts: 5 MiB and 1 KiB. */
  const uploadWithParts = async (key: string): Promise<{ uploadId: string; etags: string[] }> => {
    const uploadId = (await t.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key }))).UploadId!;
    const etags: string[] = [];
    for (const [i, size] of [5 * MiB, 1024].entries()) {
      etags.push((await t.s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, PartNumber: i + 1, Body: randomBytes(size) }))).ETag!);
    }
    return { uploadId, etags };
  };
  const complete = (key: string, uploadId: string, parts: { PartNumber: number; ETag: string }[]) =>
    t.s3.send(new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, MultipartUpload: { Parts: parts } }));
  /** The upload is still open after a refused completion: it can be completed. */
  const stillOpen = async (key: string, uploadId: string): Promise<void> => {
    const uploads = await t.s3.send(new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: key }));
    expect(uploads.Uploads!.map((u) => u.UploadId)).toEqual([uploadId]);
  };

  it('parts listed out of order: 400 InvalidPartOrder', async () => {
    const { uploadId, etags } = await uploadWithParts('order');
    await expect(
      complete('order', uploadId, [
        { PartNumber: 2, ETag: etags[1]! },
        { PartNumber: 1, ETag: etags[0]! },
      ]),
    ).rejects.toMatchObject({
      name: 'InvalidPartOrder',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      complete('order', uploadId, [
        { PartNumber: 1, ETag: etags[0]! },
        { PartNumber: 1, ETag: etags[0]! },
      ]),
    ).rejects.toMatchObject({ name: 'InvalidPartOrder' });
    await expectNothingStored('order');
    await stillOpen('order', uploadId);
  });

  it('a wrong ETag, or a part never uploaded: 400 InvalidPart', async () => {
    const { uploadId, etags } = await uploadWithParts('etags');
    await expect(
      complete('etags', uploadId, [
        { PartNumber: 1, ETag: etags[0]! },
        { PartNumber: 2, ETag: '"0123456789abcdef0123456789abcdef"' },
      ]),
    ).rejects.toMatchObject({
      name: 'InvalidPart',
      $metadata: { httpStatusCode: 400 },
    });
    await expect(
      complete('etags', uploadId, [
        { PartNumber: 1, ETag: etags[0]! },
        { PartNumber: 3, ETag: etags[1]! },
      ]),
    ).rejects.toMatchObject({ name: 'InvalidPart' });
    await expectNothingStored('etags');
    await stillOpen('etags', uploadId);
  });

  it('a part under 5 MiB that is not the last: 400 EntityTooSmall', async () => {
    const { uploadId, etags } = await uploadWithParts('small');
    await expect(
      complete('small', uploadId, [
        { PartNumber: 2, ETag: etags[1]! },
        { PartNumber: 3, ETag: etags[1]! },
      ]),
    ).rejects.toMatchObject({ name: 'InvalidPart' });
    const third = (await t.s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: 'small', UploadId: uploadId, PartNumber: 3, Body: randomBytes(10) }))).ETag!;
    await expect(
      complete('small', uploadId, [
        { PartNumber: 2, ETag: etags[1]! },
        { PartNumber: 3, ETag: third },
      ]),
    ).rejects.toMatchObject({
      name: 'EntityTooSmall',
      $metadata: { httpStatusCode: 400 },
    });
    await expectNothingStored('small');
    // A single small part is a whole object.
    await complete('small', uploadId, [{ PartNumber: 2, ETag: etags[1]! }]);
  });

  it('part numbers 0 and 10001: 400 InvalidArgument, nothing stored', async () => {
    const uploadId = (await t.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'numbers' }))).UploadId!;
    for (const PartNumber of [0, 10001]) {
      await expect(t.s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: 'numbers', UploadId: uploadId, PartNumber, Body: 'x' }))).rejects.toMatchObject({
        name: 'InvalidArgument',
        $metadata: { httpStatusCode: 400 },
      });
      await expect(complete('numbers', uploadId, [{ PartNumber, ETag: '"0123456789abcdef0123456789abcdef"' }])).rejects.toMatchObject({
        name: 'InvalidArgument',
      });
    }
    expect((await t.s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: 'numbers', UploadId: uploadId }))).Parts ?? []).toEqual([]);
    await expectNothingStored('numbers');
  });

  it('an unknown or malformed upload id: 404 NoSuchUpload everywhere', async () => {
    for (const uploadId of ['0123456789abcdef0123456789abcdef', 'not-an-upload-id']) {
      const calls = [
        () => t.s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: 'unknown', UploadId: uploadId, PartNumber: 1, Body: 'x' })),
        () => t.s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: 'unknown', UploadId: uploadId })),
        () => complete('unknown', uploadId, [{ PartNumber: 1, ETag: '"0123456789abcdef0123456789abcdef"' }]),
        () => t.s3.send(new AbortMultipartUploadCommand({ Bucket: BUCKET, Key: 'unknown', UploadId: uploadId })),
      ];
      for (const call of calls) await expect(call()).rejects.toMatchObject({ name: 'NoSuchUpload', $metadata: { httpStatusCode: 404 } });
    }
    // An upload id is valid for its own key only.
    const { uploadId, etags } = await uploadWithParts('owner');
    await expect(complete('other', uploadId, [{ PartNumber: 1, ETag: etags[0]! }])).rejects.toMatchObject({ name: 'NoSuchUpload' });
    await expectNothingStored('unknown');
    await expectNothingStored('other');
  });

  it('a malformed CompleteMultipartUpload body: 400 MalformedXML, and the upload stays open for a good one', async () => {
    const { uploadId, etags } = await uploadWithParts('xml');
    const bodies = [
      'not xml at all',
      '<CompleteMultipartUpload><Part><PartNumber>1</PartNumber>',
      '<CompleteMultipartUpload></CompleteMultipartUpload>',
      `<CompleteMultipartUpload><Part><ETag>${etags[0]}</ETag></Part></CompleteMultipartUpload>`,
      `<CompleteMultipartUpload><Part><PartNumber>one</PartNumber><ETag>${etags[0]}</ETag></Part></CompleteMultipartUpload>`,
      `<Other><Part><PartNumber>1</PartNumber><ETag>${etags[0]}</ETag></Part></Other>`,
      '',
    ];
    for (const text of bodies) {
      const body = Buffer.from(text);
      const response = await signedRequest({
        info: t.stamp.info,
        method: 'POST',
        path: `/${BUCKET}/xml?uploadId=${uploadId}`,
        headers: { 'x-amz-content-sha256': sha256Hex(body) },
        body,
      });
      expect([response.status, errorCode(response.body)], text).toEqual([400, 'MalformedXML']);
    }
    await expectNothingStored('xml');
    await stillOpen('xml', uploadId);
    // Well-formed as Go's encoder writes it (rclone): quotes as &#34;, ETag before PartNumber.
    const body = Buffer.from(
      `<CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${etags.map((etag, i) => `<Part><ETag>${etag.replaceAll('"', '&#34;')}</ETag><PartNumber>${i + 1}</PartNumber></Part>`).join('')}</CompleteMultipartUpload>`,
    );
    const response = await signedRequest({
      info: t.stamp.info,
      method: 'POST',
      path: `/${BUCKET}/xml?uploadId=${uploadId}`,
      headers: { 'x-amz-content-sha256': sha256Hex(body) },
      body,
    });
    expect(response.status, response.body).toBe(200);
    expect((await t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'xml' }))).ETag).toMatch(/-2"$/);
  });

  it('a part whose bytes do not match its checksum: 400 BadDigest, and no part stored', async () => {
    const uploadId = (await t.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'digest' }))).UploadId!;
    const body = Buffer.from('the part');
    const response = await signedRequest({
      info: t.stamp.info,
      method: 'PUT',
      path: `/${BUCKET}/digest?partNumber=1&uploadId=${uploadId}`,
      headers: { 'x-amz-content-sha256': sha256Hex(body), 'x-amz-checksum-sha256': createHash('sha256').update('another part').digest('base64') },
      body,
    });
    expect([response.status, errorCode(response.body)]).toEqual([400, 'BadDigest']);
    expect((await t.s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: 'digest', UploadId: uploadId }))).Parts ?? []).toEqual([]);
  });

  it('a part whose bytes do not match its Content-MD5: 400 BadDigest, and no part stored; the right one is its ETag', async () => {
    const uploadId = (await t.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'md5-part' }))).UploadId!;
    const body = Buffer.from('the part with an md5');
    const md5 = createHash('md5').update(body).digest();
    const put = (contentMd5: string) =>
      signedRequest({
        info: t.stamp.info,
        method: 'PUT',
        path: `/${BUCKET}/md5-part?partNumber=1&uploadId=${uploadId}`,
        headers: { 'x-amz-content-sha256': sha256Hex(body), 'content-md5': contentMd5 },
        body,
      });
    const wrong = await put(createHash('md5').update('another part').digest('base64'));
    expect([wrong.status, errorCode(wrong.body)]).toEqual([400, 'BadDigest']);
    expect((await t.s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: 'md5-part', UploadId: uploadId }))).Parts ?? []).toEqual([]);
    const right = await put(md5.toString('base64'));
    expect(right.status).toBe(200);
    expect(right.headers.get('etag')).toBe(`"${md5.toString('hex')}"`);
  });

  it('a copy from a missing source: 404 NoSuchKey (or NoSuchBucket), nothing stored', async () => {
    await expect(t.s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: 'copy-target', CopySource: `${BUCKET}/no-such-key` }))).rejects.toMatchObject({
      name: 'NoSuchKey',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(t.s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key: 'copy-target', CopySource: 'no-such-bucket/key' }))).rejects.toMatchObject({
      name: 'NoSuchBucket',
    });
    const uploadId = (await t.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'copy-target' }))).UploadId!;
    await expect(
      t.s3.send(new UploadPartCopyCommand({ Bucket: BUCKET, Key: 'copy-target', UploadId: uploadId, PartNumber: 1, CopySource: `${BUCKET}/no-such-key` })),
    ).rejects.toMatchObject({ name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
    expect((await t.s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: 'copy-target', UploadId: uploadId }))).Parts ?? []).toEqual([]);
    await expectNothingStored('copy-target');
  });

  it('a malformed copy: bad source, range or directive is 400 InvalidArgument, nothing stored', async () => {
    await t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'copy-source', Body: 'ten bytes!' }));
    const refused = [
      new CopyObjectCommand({ Bucket: BUCKET, Key: 'bad-copy', CopySource: BUCKET }),
      new CopyObjectCommand({ Bucket: BUCKET, Key: 'bad-copy', CopySource: `${BUCKET}/copy-source`, MetadataDirective: 'MERGE' as 'COPY' }),
      new CopyObjectCommand({ Bucket: BUCKET, Key: 'bad-copy', CopySource: `${BUCKET}/copy-source?versionId=v2` }),
    ];
    for (const command of refused) await expect(t.s3.send(command)).rejects.toMatchObject({ name: 'InvalidArgument', $metadata: { httpStatusCode: 400 } });
    const uploadId = (await t.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'bad-copy' }))).UploadId!;
    // S3 answers 400 InvalidArgument (not 416 InvalidRange) to a copy range outside the source,
    // whether its end or its start is past the end, and to one not of the form bytes=first-last.
    const outside = 'Range specified is not valid for source object of size: 10';
    const malformed =
      'The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy';
    const ranges: Array<[string, string]> = [
      ['bytes=5-10', outside],
      ['bytes=10-12', outside],
      ['bytes=20-30', outside],
      ['bytes=3-2', outside],
      ['bytes=0-', malformed],
      ['bytes=-2', malformed],
      ['0-2', malformed],
      ['bytes=0-2,3-5', malformed],
      ['items=0-1', malformed],
    ];
    for (const [range, message] of ranges) {
      await expect(
        t.s3.send(
          new UploadPartCopyCommand({
            Bucket: BUCKET,
            Key: 'bad-copy',
            UploadId: uploadId,
            PartNumber: 1,
            CopySource: `${BUCKET}/copy-source`,
            CopySourceRange: range,
          }),
        ),
        range,
      ).rejects.toMatchObject({ name: 'InvalidArgument', message, $metadata: { httpStatusCode: 400 } });
    }
    expect((await t.s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: 'bad-copy', UploadId: uploadId }))).Parts ?? []).toEqual([]);
    await expectNothingStored('bad-copy');
  });

  it('a bad upload: a missing bucket is 404 NoSuchBucket, an unknown checksum algorithm 400 InvalidRequest', async () => {
    await expect(t.s3.send(new CreateMultipartUploadCommand({ Bucket: 'no-such-bucket', Key: 'k' }))).rejects.toMatchObject({
      name: 'NoSuchBucket',
      $metadata: { httpStatusCode: 404 },
    });
    const response = await signedRequest({
      info: t.stamp.info,
      method: 'POST',
      path: `/${BUCKET}/algorithm?uploads`,
      headers: { 'x-amz-content-sha256': sha256Hex(''), 'x-amz-checksum-algorithm': 'MD4' },
    });
    expect([response.status, errorCode(response.body)]).toEqual([400, 'InvalidRequest']);
    expect((await t.s3.send(new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: 'algorithm' }))).Uploads ?? []).toEqual([]);
  });
});
