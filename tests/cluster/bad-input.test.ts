import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  ListPartsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { crc32 } from '@node-rs/crc32';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartitionHarness } from '../helpers/partition-harness.js';
import { send, signChunks, signedRequest, signRequest, seedSignatureOf, type SignedRequest } from '../helpers/raw-s3.js';
import { clientFor, startTestStamp, type TestStamp } from '../helpers/test-stamp.js';

const BUCKET = 'guarded';

/** What an S3 error answer says, read from its XML. */
function s3Error(body: string): { code: string; requestId: string } {
  return { code: /<Code>([^<]*)<\/Code>/.exec(body)?.[1] ?? '', requestId: /<RequestId>([^<]*)<\/RequestId>/.exec(body)?.[1] ?? '' };
}

const crc32Base64 = (data: Buffer): string => {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(crc32(data) >>> 0);
  return out.toString('base64');
};

/** An aws-chunked body as the AWS SDK frames STREAMING-UNSIGNED-PAYLOAD-TRAILER. */
function unsignedTrailerBody(data: Buffer, checksum: string): Buffer {
  return Buffer.concat([Buffer.from(`${data.length.toString(16)}\r\n`), data, Buffer.from(`\r\n0\r\nx-amz-checksum-crc32:${checksum}\r\n\r\n`)]);
}

describe('bad input: a clear S3 error, and nothing stored', () => {
  let t: TestStamp;
  const clients: S3Client[] = [];

  beforeAll(async () => {
    t = await startTestStamp();
    await t.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await t?.destroy();
  });

  const expectNothingStored = async (key: string): Promise<void> => {
    await expect(t.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).rejects.toMatchObject({ name: 'NoSuchKey' });
    const listed = await t.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: key }));
    expect(listed.KeyCount).toBe(0);
  };

  it('a wrong secret: 403 SignatureDoesNotMatch', async () => {
    const client = clientFor(t.stamp, { accessKeyId: t.stamp.info.accessKeyId, secretAccessKey: 'not-the-secret' });
    clients.push(client);
    await expect(client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'wrong-secret', Body: 'x' }))).rejects.toMatchObject({
      name: 'SignatureDoesNotMatch',
      $metadata: { httpStatusCode: 403 },
    });
    await expectNothingStored('wrong-secret');
  });

  it('an unknown access key: 403 InvalidAccessKeyId', async () => {
    const client = clientFor(t.stamp, { accessKeyId: 'STRATANOSUCHKEY00000', secretAccessKey: 'whatever' });
    clients.push(client);
    await expect(client.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'unknown-key', Body: 'x' }))).rejects.toMatchObject({
      name: 'InvalidAccessKeyId',
      $metadata: { httpStatusCode: 403 },
    });
    await expectNothingStored('unknown-key');
  });

  it('a missing bucket: 404 NoSuchBucket, for reads and writes', async () => {
    await expect(t.s3.send(new GetObjectCommand({ Bucket: 'no-such-bucket', Key: 'k' }))).rejects.toMatchObject({
      name: 'NoSuchBucket',
      $metadata: { httpStatusCode: 404 },
    });
    await expect(t.s3.send(new PutObjectCommand({ Bucket: 'no-such-bucket', Key: 'k', Body: 'x' }))).rejects.toMatchObject({
      name: 'NoSuchBucket',
      $metadata: { httpStatusCode: 404 },
    });
  });

  it('a missing key: 404 NoSuchKey with the request id in body and header', async () => {
    const response = await signedRequest({
      info: t.stamp.info,
      method: 'GET',
      path: `/${BUCKET}/no-such-key`,
      headers: { 'x-amz-content-sha256': createHash('sha256').update('').digest('hex') },
    });
    expect(response.status).toBe(404);
    const error = s3Error(response.body);
    expect(error.code).toBe('NoSuchKey');
    expect(error.requestId).toBe(response.headers.get('x-amz-request-id'));
  });

  it('an invalid bucket name: 400 InvalidBucketName', async () => {
    for (const name of ['Upper-Case', 'ab', 'bad..dots', '192.168.1.1', '-leading-dash']) {
      const response = await signedRequest({
        info: t.stamp.info,
        method: 'PUT',
        path: `/${name}`,
        headers: { 'x-amz-content-sha256': createHash('sha256').update('').digest('hex') },
      });
      expect(response.status, name).toBe(400);
      expect(s3Error(response.body).code, name).toBe('InvalidBucketName');
    }
  });

  it('an aws-chunked body with a bad chunk signature: 403 SignatureDoesNotMatch (as S3 answers), nothing stored', async () => {
    const data = Buffer.from('signed chunk data '.repeat(100));
    const key = 'bad-chunk-signature';
    const encodedLength = (signature: string) =>
      `${data.length.toString(16)};chunk-signature=${signature}\r\n`.length + data.length + 2 + `0;chunk-signature=${signature}\r\n\r\n`.length;
    const signed = await signRequest({
      info: t.stamp.info,
      method: 'PUT',
      path: `/${BUCKET}/${key}`,
      headers: {
        'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD',
        'content-encoding': 'aws-chunked',
        'x-amz-decoded-content-length': String(data.length),
        'content-length': String(encodedLength('0'.repeat(64))),
      },
    });
    const [first, final] = signChunks({
      secretAccessKey: t.stamp.info.secretAccessKey,
      amzDate: signed.amzDate,
      region: t.stamp.info.region,
      seedSignature: seedSignatureOf(signed.authorization),
      chunks: [data, Buffer.alloc(0)],
    });
    const good = (sig: string, finalSig: string) =>
      Buffer.concat([Buffer.from(`${data.length.toString(16)};chunk-signature=${sig}\r\n`), data, Buffer.from(`\r\n0;chunk-signature=${finalSig}\r\n\r\n`)]);
    const tampered = Buffer.from(first!, 'hex');
    tampered[0]! ^= 0xff;
    const response = await send(signed, good(tampered.toString('hex'), final!));
    expect(response.status).toBe(403);
    expect(s3Error(response.body).code).toBe('SignatureDoesNotMatch');
    await expectNothingStored(key);
    // The same request with the right chunk signatures is stored: the test's framing is right.
    const again = await signRequest({ ...{ info: t.stamp.info, method: 'PUT', path: `/${BUCKET}/${key}` }, headers: signed.headers });
    const chunks = signChunks({
      secretAccessKey: t.stamp.info.secretAccessKey,
      amzDate: again.amzDate,
      region: t.stamp.info.region,
      seedSignature: seedSignatureOf(again.authorization),
      chunks: [data, Buffer.alloc(0)],
    });
    expect((await send(again, good(chunks[0]!, chunks[1]!))).status).toBe(200);
  });

  it('an aws-chunked body with a wrong trailing checksum: 400 BadDigest, nothing stored; the right one has the MD5 of its decoded bytes as ETag', async () => {
    const data = Buffer.from('trailer checked data '.repeat(200));
    const key = 'bad-trailing-checksum';
    const wrong = crc32Base64(Buffer.from('something else'));
    const body = unsignedTrailerBody(data, wrong);
    const headers = {
      'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
      'content-encoding': 'aws-chunked',
      'x-amz-decoded-content-length': String(data.length),
      'x-amz-trailer': 'x-amz-checksum-crc32',
      'content-length': String(body.length),
    };
    const response = await signedRequest({ info: t.stamp.info, method: 'PUT', path: `/${BUCKET}/${key}`, headers, body });
    expect(response.status).toBe(400);
    expect(s3Error(response.body).code).toBe('BadDigest');
    await expectNothingStored(key);
    const right = await signedRequest({
      info: t.stamp.info,
      method: 'PUT',
      path: `/${BUCKET}/${key}`,
      headers,
      body: unsignedTrailerBody(data, crc32Base64(data)),
    });
    expect(right.status).toBe(200);
    expect(right.headers.get('etag')).toBe(`"${createHash('md5').update(data).digest('hex')}"`);
  });

  it('a PUT sent with Transfer-Encoding: chunked and no Content-Length: 411 MissingContentLength, unless aws-chunked says its decoded length', async () => {
    // fetch sends a stream body chunked, without Content-Length.
    const sendChunked = async (signed: SignedRequest, body: Buffer): Promise<{ status: number; body: string }> => {
      const stream = Readable.toWeb(Readable.from([body.subarray(0, 100), body.subarray(100)])) as ReadableStream;
      const response = await fetch(signed.url, { method: signed.method, headers: signed.headers, body: stream, duplex: 'half' } as RequestInit);
      return { status: response.status, body: await response.text() };
    };
    const data = Buffer.from('sent in transfer chunks '.repeat(50));
    const plain = await signRequest({
      info: t.stamp.info,
      method: 'PUT',
      path: `/${BUCKET}/chunked-no-length`,
      headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' },
    });
    const refused = await sendChunked(plain, data);
    expect([refused.status, s3Error(refused.body).code]).toEqual([411, 'MissingContentLength']);
    await expectNothingStored('chunked-no-length');
    const awsChunked = await signRequest({
      info: t.stamp.info,
      method: 'PUT',
      path: `/${BUCKET}/aws-chunked-no-length`,
      headers: {
        'x-amz-content-sha256': 'STREAMING-UNSIGNED-PAYLOAD-TRAILER',
        'content-encoding': 'aws-chunked',
        'x-amz-decoded-content-length': String(data.length),
        'x-amz-trailer': 'x-amz-checksum-crc32',
      },
    });
    expect((await sendChunked(awsChunked, unsignedTrailerBody(data, crc32Base64(data)))).status).toBe(200);
    const stored = await t.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'aws-chunked-no-length' }));
    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(data)).toBe(true);
  });

  it('a body that does not match its Content-MD5: 400 BadDigest, nothing stored; a malformed one 400 InvalidDigest; the right one is the ETag', async () => {
    const data = Buffer.from('content md5 checked data '.repeat(300));
    const md5 = createHash('md5').update(data).digest();
    const put = (key: string, contentMd5: string, body = data) =>
      signedRequest({
        info: t.stamp.info,
        method: 'PUT',
        path: `/${BUCKET}/${key}`,
        headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'content-md5': contentMd5 },
        body,
      });
    const wrong = await put('bad-content-md5', createHash('md5').update('something else').digest('base64'));
    expect([wrong.status, s3Error(wrong.body).code]).toEqual([400, 'BadDigest']);
    await expectNothingStored('bad-content-md5');
    const malformed = await put('malformed-content-md5', 'not-an-md5');
    expect([malformed.status, s3Error(malformed.body).code]).toEqual([400, 'InvalidDigest']);
    await expectNothingStored('malformed-content-md5');
    // The front-end hashes the body once, checks it against Content-MD5, and the partition
    // server stores that digest as the ETag.
    const right = await put('good-content-md5', md5.toString('base64'));
    expect(right.status).toBe(200);
    expect(right.headers.get('etag')).toBe(`"${md5.toString('hex')}"`);
  });

  it('a commit without the 16-byte MD5 of its bytes: the partition server refuses it (INVALID_ARGUMENT), nothing stored', async () => {
    const p = await PartitionHarness.open(t.stamp);
    try {
      const body = Buffer.from('bytes the partition server does not hash');
      const upload = (blob: string, contentMd5: Buffer) =>
        p.client.putBlob({
          header: { account: t.stamp.info.account, container: BUCKET, blob, properties: {} },
          body: (async function* () {
            yield body;
          })(),
          beforeCommit: async () => ({ contentMd5 }),
          expectedBytes: body.length,
        });
      await expect(upload('short-md5', Buffer.alloc(3))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(upload('no-md5', Buffer.alloc(0))).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expectNothingStored('short-md5');
      await expectNothingStored('no-md5');
      const uploadId = (await t.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'part-without-md5' }))).UploadId!;
      const part = p.client.multipart.uploadPart({
        header: { upload: { account: t.stamp.info.account, container: BUCKET, blob: 'part-without-md5', uploadId }, partNumber: 1 },
        body: (async function* () {
          yield body;
        })(),
        beforeCommit: async () => ({ contentMd5: Buffer.alloc(0) }),
        expectedBytes: body.length,
      });
      await expect(part).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      expect((await t.s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: 'part-without-md5', UploadId: uploadId }))).Parts ?? []).toEqual([]);
    } finally {
      await p.close();
    }
  });

  it('a body that does not hash to its signed x-amz-content-sha256: 400 XAmzContentSHA256Mismatch, nothing stored', async () => {
    const key = 'sha-mismatch';
    const signed = await signRequest({
      info: t.stamp.info,
      method: 'PUT',
      path: `/${BUCKET}/${key}`,
      headers: { 'x-amz-content-sha256': createHash('sha256').update('the body').digest('hex'), 'content-length': '8' },
    });
    const response = await send(signed, Buffer.from('THE BODY'));
    expect(response.status).toBe(400);
    expect(s3Error(response.body).code).toBe('XAmzContentSHA256Mismatch');
    await expectNothingStored(key);
  });

  it('an S3 operation Strata does not implement: 501 NotImplemented, never a wrong success', async () => {
    const empty = createHash('sha256').update('').digest('hex');
    const unimplemented: Array<['GET' | 'PUT', string]> = [
      ['GET', `/${BUCKET}?lifecycle`],
      ['GET', `/${BUCKET}?replication`],
      ['PUT', `/${BUCKET}/k?retention`],
      ['PUT', `/${BUCKET}?object-lock`],
      // versionId on an operation that takes none (ListParts) is not dropped silently.
      ['GET', `/${BUCKET}/k?uploadId=x&versionId=null`],
    ];
    for (const [method, path] of unimplemented) {
      const response = await signedRequest({ info: t.stamp.info, method, path, headers: { 'x-amz-content-sha256': empty } });
      expect(response.status, path).toBe(501);
      expect(s3Error(response.body).code, path).toBe('NotImplemented');
    }
  });
});
