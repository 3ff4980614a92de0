import { createHash, randomBytes } from 'node:crypto';
import {
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  DeleteBucketTaggingCommand,
  DeleteObjectCommand,
  DeleteObjectsCommand,
  DeleteObjectTaggingCommand,
  GetBucketTaggingCommand,
  GetObjectCommand,
  GetBucketVersioningCommand,
  GetObjectTaggingCommand,
  HeadObjectCommand,
  ListObjectVersionsCommand,
  ListObjectsV2Command,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  PutObjectTaggingCommand,
  UploadPartCommand,
  UploadPartCopyCommand,
  type Tag,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedRequest } from '../helpers/raw-s3.js';
import { startTestStamp, type TestStamp } from '../helpers/test-stamp.js';
import { errorCodeOf, sdkFailure } from '../helpers/s3-failures.js';

const MiB = 1024 * 1024;
const BUCKET = 'objects';
const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');

describe('S3 objects through @aws-sdk/client-s3 at its defaults', () => {
  let t: TestStamp;
  // Over three 1 MiB blocks, so ranges cross block boundaries.
  const data = randomBytes(3 * MiB + 12_345);
  const get = (input: Omit<ConstructorParameters<typeof GetObjectCommand>[0], 'Bucket'>) => t.s3.send(new GetObjectCommand({ Bucket: BUCKET, ...input }));

  beforeAll(async () => {
    t = await startTestStamp();
    await t.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'data.bin', Body: data }));
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('serves single ranges as 206 with Content-Range, across block boundaries', async () => {
    const cases: Array<[string, number, number]> = [
      ['bytes=0-0', 0, 0],
      ['bytes=100-199', 100, 199],
      [`bytes=${MiB - 10}-${2 * MiB + 10}`, MiB - 10, 2 * MiB + 10],
      [`bytes=${3 * MiB}-`, 3 * MiB, data.length - 1],
      ['bytes=-777', data.length - 777, data.length - 1],
      [`bytes=${data.length - 5}-${data.length + 1000}`, data.length - 5, data.length - 1],
    ];
    for (const [range, start, end] of cases) {
      const response = await get({ Key: 'data.bin', Range: range });
      expect(response.$metadata.httpStatusCode, range).toBe(206);
      expect(response.ContentRange).toBe(`bytes ${start}-${end}/${data.length}`);
      expect(response.ContentLength).toBe(end - start + 1);
      expect(Buffer.from(await response.Body!.transformToByteArray()).equals(data.subarray(start, end + 1)), range).toBe(true);
    }
    const head = await t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'data.bin', Range: 'bytes=10-19' }));
    expect(head.ContentLength).toBe(10);
  });

  it('answers a range past the end 416 InvalidRange with Content-Range bytes */size; ignores several ranges (200, whole object)', async () => {
    expect(await sdkFailure(get({ Key: 'data.bin', Range: `bytes=${data.length}-` }))).toEqual({ code: 'InvalidRange', status: 416 });
    const raw = await fetch(`${t.stamp.info.s3Endpoint}/${BUCKET}/data.bin`, { headers: { range: 'bytes=0-1' } });
    expect(raw.status).toBe(403); // unsigned: refused before the range is looked at
    const multi = await get({ Key: 'data.bin', Range: 'bytes=0-1,5-6' });
    expect(multi.$metadata.httpStatusCode).toBe(200);
    expect(multi.ContentLength).toBe(data.length);
    await multi.Body!.transformToByteArray();
  });

  it('answers a range of an empty object as S3 does: 416 when it starts somewhere, 200 (empty) for the last n bytes', async () => {
    await t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'empty', Body: Buffer.alloc(0) }));
    for (const range of ['bytes=0-', 'bytes=0-0', 'bytes=40-50']) {
      const response = await signedRequest({
        info: t.stamp.info,
        method: 'GET',
        path: `/${BUCKET}/empty`,
        headers: { 'x-amz-content-sha256': EMPTY_SHA256, range },
      });
      expect([response.status, errorCodeOf(response.body), response.headers.get('content-range')], range).toEqual([416, 'InvalidRange', 'bytes */0']);
    }
    const tail = await get({ Key: 'empty', Range: 'bytes=-5' });
    expect([tail.$metadata.httpStatusCode, tail.ContentLength, tail.ContentRange]).toEqual([200, 0, undefined]);
    expect((await tail.Body!.transformToByteArray()).length).toBe(0);
  });

  it('stores an object sent with an empty Content-Type (as S3 does), which reads back as binary/octet-stream', async () => {
    const response = await signedRequest({
      info: t.stamp.info,
      method: 'PUT',
      path: `/${BUCKET}/empty-content-type`,
      headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'content-type': '' },
      body: Buffer.from('typeless'),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-amz-request-id')).toBeTruthy();
    const got = await get({ Key: 'empty-content-type' });
    expect([got.ContentType, await got.Body!.transformToString()]).toEqual(['binary/octet-stream', 'typeless']);
    expect((await t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'empty-content-type' }))).ContentType).toBe('binary/octet-stream');
  });

  it('stores and returns the entity headers and user metadata, the same on GET and HEAD', async () => {
    const expires = new Date('2030-01-01T00:00:00Z');
    await t.s3.send(
      new PutObjectCommand({
        Bucket: BUCKET,
        Key: 'page.html',
        Body: '<h1>hi</h1>',
        ContentType: 'text/html; charset=utf-8',
        ContentEncoding: 'identity',
        ContentDisposition: 'inline; filename="page.html"',
        ContentLanguage: 'en-GB',
        CacheControl: 'public, max-age=60',
        Expires: expires,
        Metadata: { author: 'Ada', 'mixed-case': 'Value With Spaces' },
      }),
    );
    const got = await get({ Key: 'page.html' });
    const head = await t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'page.html' }));
    for (const response of [got, head]) {
      expect(response.ContentType).toBe('text/html; charset=utf-8');
      expect(response.ContentEncoding).toBe('identity');
      expect(response.ContentDisposition).toBe('inline; filename="page.html"');
      expect(response.ContentLanguage).toBe('en-GB');
      expect(response.CacheControl).toBe('public, max-age=60');
      expect(response.Expires?.getTime()).toBe(expires.getTime());
      expect(response.Metadata).toEqual({ author: 'Ada', 'mixed-case': 'Value With Spaces' });
      expect(response.ETag).toBe(`"${createHash('md5').update('<h1>hi</h1>').digest('hex')}"`);
      expect(response.AcceptRanges).toBe('bytes');
    }
    expect(await got.Body!.transformToString()).toBe('<h1>hi</h1>');
  });

  it('applies response-* overrides to GET', async () => {
    const response = await get({
      Key: 'page.html',
      ResponseContentType: 'application/octet-stream',
      ResponseContentDisposition: 'attachment; filename="x.html"',
      ResponseCacheControl: 'no-store',
      ResponseContentLanguage: 'fr',
      ResponseContentEncoding: 'identity',
      ResponseExpires: new Date('2031-01-01T00:00:00Z'),
    });
    expect(response.ContentType).toBe('application/octet-stream');
    expect(response.ContentDisposition).toBe('attachment; filename="x.html"');
    expect(response.CacheControl).toBe('no-store');
    expect(response.ContentLanguage).toBe('fr');
    expect(response.Expires?.toISOString()).toBe('2031-01-01T00:00:00.000Z');
    await response.Body!.transformToString();
  });

  it('answers conditional GET and HEAD: 304 keeps ETag, Last-Modified and Cache-Control; 412 for a failed If-Match', async () => {
    const head = await t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'page.html' }));
    const etag = head.ETag!;
    const lastModified = head.LastModified!;
    // The SDK throws on 304 with no error code to read (there is no body): the status says it.
    expect(await sdkFailure(get({ Key: 'page.html', IfNoneMatch: etag }))).toMatchObject({ status: 304 });
    expect(await sdkFailure(get({ Key: 'page.html', IfModifiedSince: lastModified }))).toMatchObject({ status: 304 });
    expect(await sdkFailure(t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'page.html', IfNoneMatch: etag })))).toMatchObject({ status: 304 });
    expect(await sdkFailure(get({ Key: 'page.html', IfMatch: '"0123"' }))).toEqual({ code: 'PreconditionFailed', status: 412 });
    expect(await sdkFailure(get({ Key: 'page.html', IfUnmodifiedSince: new Date(lastModified.getTime() - 60_000) }))).toEqual({
      code: 'PreconditionFailed',
      status: 412,
    });
    expect(await sdkFailure(t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'page.html', IfMatch: '"0123"' })))).toMatchObject({ status: 412 });
    // RFC order: a true If-Match wins over a false If-Unmodified-Since.
    const both = await get({ Key: 'page.html', IfMatch: etag, IfUnmodifiedSince: new Date(lastModified.getTime() - 60_000) });
    expect(both.$metadata.httpStatusCode).toBe(200);
    await both.Body!.transformToString();

    const raw = await signedRequest({
      info: t.stamp.info,
      method: 'GET',
      path: `/${BUCKET}/page.html`,
      headers: { 'if-none-match': etag, 'x-amz-content-sha256': EMPTY_SHA256 },
    });
    expect(raw.status).toBe(304);
    expect(raw.body).toBe('');
    expect(raw.headers.get('etag')).toBe(etag);
    expect(raw.headers.get('cache-control')).toBe('public, max-age=60');
    expect(raw.headers.get('last-modified')).toBe(lastModified.toUTCString());
  });

  it('verifies, stores and returns x-amz-checksum-* (with x-amz-checksum-mode: ENABLED only)', async () => {
    const body = randomBytes(100_000);
    const algorithms = [
      ['CRC32', 'ChecksumCRC32'],
      ['CRC32C', 'ChecksumCRC32C'],
      ['SHA1', 'ChecksumSHA1'],
      ['SHA256', 'ChecksumSHA256'],
      ['CRC64NVME', 'ChecksumCRC64NVME'],
    ] as const;
    for (const [algorithm, field] of algorithms) {
      const put = await t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: `sum/${algorithm}`, Body: body, ChecksumAlgorithm: algorithm }));
      expect(put[field], algorithm).toBeTruthy();
      const plain = await t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: `sum/${algorithm}` }));
      expect(plain[field]).toBeUndefined();
      const got = await get({ Key: `sum/${algorithm}`, ChecksumMode: 'ENABLED' });
      expect(got[field], algorithm).toBe(put[field]);
      expect(Buffer.from(await got.Body!.transformToByteArray()).equals(body)).toBe(true);
    }
    const sha256 = createHash('sha256').update(body).digest('base64');
    const head = await t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'sum/SHA256', ChecksumMode: 'ENABLED' }));
    expect(head.ChecksumSHA256).toBe(sha256);
    // A wrong checksum header: BadDigest, nothing stored.
    const wrong = createHash('sha256').update('other').digest('base64');
    expect(await sdkFailure(t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'sum/wrong', Body: body, ChecksumSHA256: wrong })))).toMatchObject({
      code: 'BadDigest',
      status: 400,
    });
    expect(await sdkFailure(t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'sum/wrong' })))).toMatchObject({ status: 404 });
  });

  it('deletes a batch with DeleteObjects (a missing key counts as deleted; quiet mode lists only failures)', async () => {
    const keys = Array.from({ length: 30 }, (_, i) => `batch/${i}`);
    await Promise.all(keys.map((Key) => t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: Key }))));
    const loud = await t.s3.send(
      new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: [...keys.slice(0, 20), 'batch/missing'].map((Key) => ({ Key })) } }),
    );
    expect(loud.Deleted?.map((d) => d.Key).sort()).toEqual([...keys.slice(0, 20), 'batch/missing'].sort());
    expect(loud.Errors ?? []).toEqual([]);
    const quiet = await t.s3.send(new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Quiet: true, Objects: keys.slice(20).map((Key) => ({ Key })) } }));
    expect(quiet.Deleted ?? []).toEqual([]);
    expect(quiet.Errors ?? []).toEqual([]);
    const left = await t.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'batch/' }));
    expect(left.KeyCount).toBe(0);
    expect(await sdkFailure(t.s3.send(new DeleteObjectsCommand({ Bucket: 'no-such-bucket', Delete: { Objects: [{ Key: 'a' }] } })))).toMatchObject({
      code: 'NoSuchBucket',
      status: 404,
    });
  });

  it('round-trips keys with anything S3 allows, and lists them exactly', async () => {
    const keys = [
      'with space',
      'ünïcödé/日本語',
      '../../etc/passwd',
      '100%',
      'a+b',
      'line\nbreak',
      'tab\there',
      'q?x=1&y',
      '#hash',
      '  leading',
      'trailing/',
      '/leading-slash',
      'a//b',
      '~tilde*',
    ];
    for (const Key of keys) await t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: `body of ${Key}` }));
    for (const Key of keys) expect(await (await get({ Key })).Body!.transformToString(), JSON.stringify(Key)).toBe(`body of ${Key}`);
    const listed: string[] = [];
    let token: string | undefined;
    do {
      const page = await t.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, MaxKeys: 5, ...(token ? { ContinuationToken: token } : {}) }));
      listed.push(...(page.Contents ?? []).map((c) => c.Key!));
      token = page.NextContinuationToken;
    } while (token);
    for (const key of keys) expect(listed, JSON.stringify(key)).toContain(key);
    await t.s3.send(new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: keys.map((Key) => ({ Key })) } }));
  });

  it('lists under encoding-type=url as S3 encodes (Key, Prefix, Delimiter, StartAfter, Marker, NextMarker, CommonPrefixes)', async () => {
    const keys = ['enc/a b/1', 'enc/a+b', 'enc/x(1)/y', 'enc/c~d'];
    for (const Key of keys) await t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: Key }));
    const list = async (query: string): Promise<{ status: number; body: string }> =>
      signedRequest({ info: t.stamp.info, method: 'GET', path: `/${BUCKET}?${query}`, headers: { 'x-amz-content-sha256': EMPTY_SHA256 } });
    const v2 = await list('list-type=2&prefix=enc%2F&delimiter=%2F&encoding-type=url&start-after=enc%2Fa%20a');
    expect(v2.status).toBe(200);
    for (const element of [
      '<Prefix>enc/</Prefix>',
      '<Delimiter>/</Delimiter>',
      '<StartAfter>enc/a+a</StartAfter>',
      '<EncodingType>url</EncodingType>',
      '<Key>enc/a%2Bb</Key>',
      '<Key>enc/c%7Ed</Key>',
      '<CommonPrefixes><Prefix>enc/a+b/</Prefix></CommonPrefixes><CommonPrefixes><Prefix>enc/x%281%29/</Prefix></CommonPrefixes>',
    ]) {
      expect(v2.body).toContain(element);
    }
    const v1 = await list('prefix=enc%2F&delimiter=%2F&encoding-type=url&marker=enc%2Fa%20a&max-keys=1');
    for (const element of ['<Prefix>enc/</Prefix>', '<Marker>enc/a+a</Marker>', '<NextMarker>enc/a+b/</NextMarker>', '<Prefix>enc/a+b/</Prefix>']) {
      expect(v1.body).toContain(element);
    }
    // An empty delimiter groups nothing and is not echoed.
    for (const query of ['list-type=2&prefix=enc%2F&delimiter=', 'prefix=enc%2F&delimiter=']) {
      const flat = await list(query);
      expect(flat.body, query).not.toContain('<Delimiter>');
      expect(flat.body, query).not.toContain('<CommonPrefixes>');
      expect(
        [...flat.body.matchAll(/<Key>([^<]*)<\/Key>/g)].map((m) => m[1]),
        query,
      ).toEqual([...keys].sort());
    }
    // An empty continuation token is not "no token": S3 refuses it.
    const emptyToken = await list('list-type=2&continuation-token=');
    expect([emptyToken.status, errorCodeOf(emptyToken.body)]).toEqual([400, 'InvalidArgument']);
    expect(emptyToken.body).toContain('<ArgumentName>continuation-token</ArgumentName>');
    // fetch-owner=true gives every object its Owner; without it there is none.
    const owned = await t.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'enc/', FetchOwner: true }));
    const owner = { ID: t.stamp.info.account, DisplayName: t.stamp.info.account };
    expect(owned.Contents!.map((c) => c.Owner)).toEqual(keys.map(() => owner));
    const unowned = await t.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'enc/' }));
    expect(unowned.Contents!.map((c) => c.Owner)).toEqual(keys.map(() => undefined));
    await t.s3.send(new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: keys.map((Key) => ({ Key })) } }));
  });

  it('refuses a key over 1024 bytes (KeyTooLongError) and user metadata over 2 KiB (MetadataTooLarge), storing nothing', async () => {
    const longKey = 'k'.repeat(1025);
    expect(await sdkFailure(t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: longKey, Body: 'x' })))).toMatchObject({
      code: 'KeyTooLongError',
      status: 400,
    });
    const okKey = 'é'.repeat(512);
    await t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: okKey, Body: 'x' }));
    expect((await t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: okKey }))).ContentLength).toBe(1);
    const big = await sdkFailure(t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'meta', Body: 'x', Metadata: { a: 'v'.repeat(2100) } })));
    expect(big).toMatchObject({ code: 'MetadataTooLarge', status: 400 });
    expect(await sdkFailure(t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: 'meta' })))).toMatchObject({ status: 404 });
  });

  describe('tagging', () => {
    const tagsOf = async (Key: string): Promise<Tag[]> => (await t.s3.send(new GetObjectTaggingCommand({ Bucket: BUCKET, Key }))).TagSet ?? [];
    const putTags = (Key: string, TagSet: Tag[]) => t.s3.send(new PutObjectTaggingCommand({ Bucket: BUCKET, Key, Tagging: { TagSet } }));
    const head = (Key: string) => t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key }));

    it('Put/Get/DeleteObjectTagging change only the tags; x-amz-tagging-count on GET and HEAD; a PUT without x-amz-tagging leaves none', async () => {
      await t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'tags/a', Body: 'tagged body', Tagging: 'b=2&a=1&blank' }));
      expect(await tagsOf('tags/a')).toEqual([
        { Key: 'a', Value: '1' },
        { Key: 'b', Value: '2' },
        { Key: 'blank', Value: '' },
      ]);
      const before = await head('tags/a');
      expect(before.TagCount).toBe(3);
      const put = await putTags('tags/a', [{ Key: 'only', Value: 'ünïcödé value' }]);
      expect(put.$metadata.httpStatusCode).toBe(200);
      const after = await get({ Key: 'tags/a' });
      expect([after.TagCount, after.ETag, after.LastModified, await after.Body!.transformToString()]).toEqual([
        1,
        before.ETag,
        before.LastModified,
        'tagged body',
      ]);
      expect(await tagsOf('tags/a')).toEqual([{ Key: 'only', Value: 'ünïcödé value' }]);
      expect((await t.s3.send(new DeleteObjectTaggingCommand({ Bucket: BUCKET, Key: 'tags/a' }))).$metadata.httpStatusCode).toBe(204);
      expect([await tagsOf('tags/a'), (await head('tags/a')).TagCount]).toEqual([[], undefined]);
      // Overwriting replaces the object and its tags: the new object has none.
      await putTags('tags/a', [{ Key: 'k', Value: 'v' }]);
      await t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'tags/a', Body: 'new body' }));
      expect([await tagsOf('tags/a'), (await head('tags/a')).TagCount]).toEqual([[], undefined]);
      // A presigned PUT carries x-amz-tagging in its query (the presigner hoists it there).
      const presigned = await getSignedUrl(t.s3, new PutObjectCommand({ Bucket: BUCKET, Key: 'tags/presigned', Tagging: 'p=1&q=2' }), { expiresIn: 600 });
      expect(new URL(presigned).searchParams.get('x-amz-tagging')).toBe('p=1&q=2');
      expect((await fetch(presigned, { method: 'PUT', body: 'presigned body' })).status).toBe(200);
      expect((await tagsOf('tags/presigned')).map((tag) => tag.Key)).toEqual(['p', 'q']);
      expect(await sdkFailure(putTags('tags/missing', [{ Key: 'k', Value: 'v' }]))).toEqual({ code: 'NoSuchKey', status: 404 });
      expect(await sdkFailure(t.s3.send(new GetObjectTaggingCommand({ Bucket: 'no-such-bucket', Key: 'k' })))).toEqual({ code: 'NoSuchBucket', status: 404 });
    });

    it("refuses bad tags with S3's errors and stores nothing", async () => {
      await t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'tags/bad', Body: 'x', Tagging: 'keep=1' }));
      const eleven = Array.from({ length: 11 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
      const refusals: Array<[Tag[], string]> = [
        [eleven, 'BadRequest'],
        [[{ Key: 'aws:owner', Value: 'v' }], 'InvalidTag'],
        [[{ Key: 'k'.repeat(129), Value: 'v' }], 'InvalidTag'],
        [[{ Key: 'k', Value: 'v'.repeat(257) }], 'InvalidTag'],
        [[{ Key: 'k', Value: '<script>' }], 'InvalidTag'],
        [
          [
            { Key: 'k', Value: '1' },
            { Key: 'k', Value: '2' },
          ],
          'InvalidTag',
        ],
      ];
      for (const [tags, code] of refusals)
        expect(await sdkFailure(putTags('tags/bad', tags)), JSON.stringify(tags).slice(0, 60)).toEqual({ code, status: 400 });
      const malformed = await signedRequest({
        info: t.stamp.info,
        method: 'PUT',
        path: `/${BUCKET}/tags/bad?tagging`,
        headers: { 'x-amz-content-sha256': createHash('sha256').update('<Tagging/>').digest('hex') },
        body: Buffer.from('<Tagging/>'),
      });
      expect([malformed.status, errorCodeOf(malformed.body)]).toEqual([400, 'MalformedXML']);
      expect(await tagsOf('tags/bad')).toEqual([{ Key: 'keep', Value: '1' }]);
      for (const [Tagging, code] of [
        ['a=1&a=2', 'InvalidArgument'],
        ['a=b=c', 'InvalidArgument'],
        [eleven.map((tag) => `${tag.Key}=v`).join('&'), 'BadRequest'],
        ['aws%3Ax=1', 'InvalidTag'],
      ]) {
        expect(await sdkFailure(t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'tags/none', Body: 'x', Tagging }))), Tagging).toEqual({
          code,
          status: 400,
        });
      }
      expect(await sdkFailure(head('tags/none'))).toMatchObject({ status: 404 });
    });

    it('copies tags with x-amz-tagging-directive COPY (the default), takes the header with REPLACE', async () => {
      await t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'tags/src', Body: 'source', Tagging: 's=1' }));
      const copy = (Key: string, input: Partial<ConstructorParameters<typeof CopyObjectCommand>[0]> = {}) =>
        t.s3.send(new CopyObjectCommand({ Bucket: BUCKET, Key, CopySource: `${BUCKET}/tags/src`, ...input }));
      await copy('tags/copy-default');
      await copy('tags/copy-copy', { TaggingDirective: 'COPY', Tagging: 'ignored=1' });
      await copy('tags/copy-replace', { TaggingDirective: 'REPLACE', Tagging: 'r=2' });
      await copy('tags/copy-cleared', { TaggingDirective: 'REPLACE' });
      expect(await tagsOf('tags/copy-default')).toEqual([{ Key: 's', Value: '1' }]);
      expect(await tagsOf('tags/copy-copy')).toEqual([{ Key: 's', Value: '1' }]);
      expect(await tagsOf('tags/copy-replace')).toEqual([{ Key: 'r', Value: '2' }]);
      expect(await tagsOf('tags/copy-cleared')).toEqual([]);
      const bad = await sdkFailure(copy('tags/copy-bad', { TaggingDirective: 'MOVE' as 'COPY' }));
      expect(bad).toEqual({ code: 'InvalidArgument', status: 400 });
    });

    it('applies CreateMultipartUpload x-amz-tagging at completion; UploadPartCopy takes no tags from its source', async () => {
      const upload = async (Key: string, Tagging: string | undefined, part: (UploadId: string) => Promise<string | undefined>) => {
        const { UploadId } = await t.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key, ...(Tagging ? { Tagging } : {}) }));
        const ETag = await part(UploadId!);
        await t.s3.send(new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key, UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag }] } }));
      };
      await upload('tags/mp', 'mp=1&z=', async (UploadId) => {
        expect(await tagsOf('tags/src')).toEqual([{ Key: 's', Value: '1' }]);
        return (await t.s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: 'tags/mp', UploadId, PartNumber: 1, Body: 'one part' }))).ETag;
      });
      expect(await tagsOf('tags/mp')).toEqual([
        { Key: 'mp', Value: '1' },
        { Key: 'z', Value: '' },
      ]);
      await upload('tags/mp-copy', undefined, async (UploadId) => {
        const part = await t.s3.send(
          new UploadPartCopyCommand({ Bucket: BUCKET, Key: 'tags/mp-copy', UploadId, PartNumber: 1, CopySource: `${BUCKET}/tags/src` }),
        );
        return part.CopyPartResult!.ETag;
      });
      expect(await tagsOf('tags/mp-copy')).toEqual([]);
      expect(await sdkFailure(t.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'tags/mp-bad', Tagging: 'a=1&a=2' })))).toEqual({
        code: 'InvalidArgument',
        status: 400,
      });
    });

    it('Put/Get/DeleteBucketTagging and CreateBucket Tags: 50 tags at most, NoSuchTagSet when there are none', async () => {
      const getTags = () => t.s3.send(new GetBucketTaggingCommand({ Bucket: BUCKET }));
      expect(await sdkFailure(getTags())).toEqual({ code: 'NoSuchTagSet', status: 404 });
      const fifty = Array.from({ length: 50 }, (_, i) => ({ Key: `key-${String(i).padStart(2, '0')}`, Value: `value ${i}` }));
      await t.s3.send(new PutBucketTaggingCommand({ Bucket: BUCKET, Tagging: { TagSet: [...fifty].reverse() } }));
      expect((await getTags()).TagSet).toEqual(fifty);
      const fiftyOne = [...fifty, { Key: 'one-more', Value: '' }];
      expect(await sdkFailure(t.s3.send(new PutBucketTaggingCommand({ Bucket: BUCKET, Tagging: { TagSet: fiftyOne } })))).toEqual({
        code: 'BadRequest',
        status: 400,
      });
      expect(await sdkFailure(t.s3.send(new PutBucketTaggingCommand({ Bucket: BUCKET, Tagging: { TagSet: [{ Key: 'aws:x', Value: '' }] } })))).toEqual({
        code: 'InvalidTag',
        status: 400,
      });
      expect((await getTags()).TagSet).toHaveLength(50);
      expect((await t.s3.send(new DeleteBucketTaggingCommand({ Bucket: BUCKET }))).$metadata.httpStatusCode).toBe(204);
      expect(await sdkFailure(getTags())).toEqual({ code: 'NoSuchTagSet', status: 404 });
      expect(await sdkFailure(t.s3.send(new GetBucketTaggingCommand({ Bucket: 'no-such-bucket' })))).toEqual({ code: 'NoSuchBucket', status: 404 });
      // CreateBucket keeps the tags of its configuration, and refuses bad ones before the bucket exists.
      await t.s3.send(new CreateBucketCommand({ Bucket: 'tagged-at-birth', CreateBucketConfiguration: { Tags: [{ Key: 'team', Value: 'data' }] } }));
      expect((await t.s3.send(new GetBucketTaggingCommand({ Bucket: 'tagged-at-birth' }))).TagSet).toEqual([{ Key: 'team', Value: 'data' }]);
      const refused = t.s3.send(new CreateBucketCommand({ Bucket: 'never-made', CreateBucketConfiguration: { Tags: [{ Key: 'aws:x', Value: '' }] } }));
      expect(await sdkFailure(refused)).toEqual({ code: 'InvalidTag', status: 400 });
      expect(await sdkFailure(t.s3.send(new GetBucketTaggingCommand({ Bucket: 'never-made' })))).toEqual({ code: 'NoSuchBucket', status: 404 });
      await t.s3.send(new CreateBucketCommand({ Bucket: 'located', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
      expect(await sdkFailure(t.s3.send(new GetBucketTaggingCommand({ Bucket: 'located' })))).toEqual({ code: 'NoSuchTagSet', status: 404 });
    });
  });

  describe('versioning', () => {
    const VERSIONED = 'versioned';
    const bodyOf = async (key: string, versionId?: string): Promise<string> =>
      (await (await t.s3.send(new GetObjectCommand({ Bucket: VERSIONED, Key: key, VersionId: versionId }))).Body!.transformToString()).toString();
    const put = async (key: string, body: string): Promise<string> =>
      (await t.s3.send(new PutObjectCommand({ Bucket: VERSIONED, Key: key, Body: body }))).VersionId!;
    const raw = (method: string, path: string) => signedRequest({ info: t.stamp.info, method, path, headers: { 'x-amz-content-sha256': EMPTY_SHA256 } });

    beforeAll(async () => {
      await t.s3.send(new CreateBucketCommand({ Bucket: VERSIONED }));
      await t.s3.send(new PutBucketVersioningCommand({ Bucket: VERSIONED, VersioningConfiguration: { Status: 'Enabled' } }));
    });

    it('keeps every version: ids on PUT, GET, HEAD and DELETE; delete markers; reads by VersionId; undelete by deleting the marker', async () => {
      expect((await t.s3.send(new GetBucketVersioningCommand({ Bucket: VERSIONED }))).Status).toBe('Enabled');
      const v1 = await put('doc', 'one');
      const v2 = await put('doc', 'two');
      expect(v1).toMatch(/^[0-9a-f]{32}$/);
      expect(v2).not.toBe(v1);
      const current = await t.s3.send(new GetObjectCommand({ Bucket: VERSIONED, Key: 'doc' }));
      expect(current.VersionId).toBe(v2);
      expect(await current.Body!.transformToString()).toBe('two');
      expect(await bodyOf('doc', v1)).toBe('one');
      expect((await t.s3.send(new HeadObjectCommand({ Bucket: VERSIONED, Key: 'doc', VersionId: v1 }))).VersionId).toBe(v1);

      const marker = await t.s3.send(new DeleteObjectCommand({ Bucket: VERSIONED, Key: 'doc' }));
      expect(marker.DeleteMarker).toBe(true);
      expect(marker.VersionId).toMatch(/^[0-9a-f]{32}$/);
      // The current version is a delete marker: 404 NoSuchKey, saying so; by its id: 405 MethodNotAllowed.
      const deleted = await raw('GET', `/${VERSIONED}/doc`);
      expect([deleted.status, errorCodeOf(deleted.body), deleted.headers.get('x-amz-delete-marker')]).toEqual([404, 'NoSuchKey', 'true']);
      const byId = await raw('GET', `/${VERSIONED}/doc?versionId=${marker.VersionId}`);
      expect([byId.status, errorCodeOf(byId.body), byId.headers.get('x-amz-delete-marker')]).toEqual([405, 'MethodNotAllowed', 'true']);
      // A version id Strata never made: 400 InvalidArgument; a well-formed unknown one: 404 NoSuchVersion.
      expect(await sdkFailure(bodyOf('doc', 'not-a-version'))).toEqual({ code: 'InvalidArgument', status: 400 });
      expect(await sdkFailure(bodyOf('doc', `${v1.slice(0, 16)}${'0'.repeat(16)}`))).toEqual({ code: 'NoSuchVersion', status: 404 });
      expect((await t.s3.send(new ListObjectsV2Command({ Bucket: VERSIONED, Prefix: 'doc' }))).KeyCount).toBe(0);
      const listed = await t.s3.send(new ListObjectVersionsCommand({ Bucket: VERSIONED, Prefix: 'doc' }));
      expect(listed.DeleteMarkers?.map((m) => [m.VersionId, m.IsLatest])).toEqual([[marker.VersionId, true]]);
      expect(listed.Versions?.map((v) => [v.VersionId, v.IsLatest, v.Size])).toEqual([
        [v2, false, 3],
        [v1, false, 3],
      ]);

      // Deleting the delete marker by id restores v2.
      const undeleted = await t.s3.send(new DeleteObjectCommand({ Bucket: VERSIONED, Key: 'doc', VersionId: marker.VersionId }));
      expect([undeleted.DeleteMarker, undeleted.VersionId]).toEqual([true, marker.VersionId]);
      expect(await bodyOf('doc')).toBe('two');

      // Copying v1 onto its own key restores it as a new version; tags apply per version.
      const restored = await t.s3.send(new CopyObjectCommand({ Bucket: VERSIONED, Key: 'doc', CopySource: `${VERSIONED}/doc?versionId=${v1}` }));
      expect(restored.CopySourceVersionId).toBe(v1);
      expect(restored.VersionId).toMatch(/^[0-9a-f]{32}$/);
      expect(await bodyOf('doc')).toBe('one');
      await t.s3.send(new PutObjectTaggingCommand({ Bucket: VERSIONED, Key: 'doc', VersionId: v2, Tagging: { TagSet: [{ Key: 'kept', Value: 'v2' }] } }));
      expect((await t.s3.send(new GetObjectTaggingCommand({ Bucket: VERSIONED, Key: 'doc', VersionId: v2 }))).TagSet).toEqual([{ Key: 'kept', Value: 'v2' }]);
      expect((await t.s3.send(new GetObjectTaggingCommand({ Bucket: VERSIONED, Key: 'doc' }))).TagSet).toEqual([]);

      // DeleteObjects: by VersionId removes that version; without, writes a delete marker.
      const batch = await t.s3.send(new DeleteObjectsCommand({ Bucket: VERSIONED, Delete: { Objects: [{ Key: 'doc', VersionId: v1 }, { Key: 'other' }] } }));
      expect(batch.Deleted?.find((d) => d.Key === 'doc')).toMatchObject({ VersionId: v1 });
      expect(batch.Deleted?.find((d) => d.Key === 'other')).toMatchObject({
        DeleteMarker: true,
        DeleteMarkerVersionId: expect.stringMatching(/^[0-9a-f]{32}$/),
      });
      expect(await sdkFailure(bodyOf('doc', v1))).toEqual({ code: 'NoSuchVersion', status: 404 });
    });

    it('writes multipart completions as versions, pages ListObjectVersions by key and version-id markers, and keeps a null version when suspended', async () => {
      const upload = await t.s3.send(new CreateMultipartUploadCommand({ Bucket: VERSIONED, Key: 'pages/mp' }));
      const part = await t.s3.send(new UploadPartCommand({ Bucket: VERSIONED, Key: 'pages/mp', UploadId: upload.UploadId, PartNumber: 1, Body: 'part' }));
      const completed = await t.s3.send(
        new CompleteMultipartUploadCommand({
          Bucket: VERSIONED,
          Key: 'pages/mp',
          UploadId: upload.UploadId,
          MultipartUpload: { Parts: [{ PartNumber: 1, ETag: part.ETag }] },
        }),
      );
      expect(completed.VersionId).toMatch(/^[0-9a-f]{32}$/);
      const a = [await put('pages/a', 'a1'), await put('pages/a', 'a2'), await put('pages/a', 'a3')];

      await t.s3.send(new PutBucketVersioningCommand({ Bucket: VERSIONED, VersioningConfiguration: { Status: 'Suspended' } }));
      expect((await t.s3.send(new GetBucketVersioningCommand({ Bucket: VERSIONED }))).Status).toBe('Suspended');
      expect(await put('pages/a', 'null 1')).toBe('null');
      expect(await put('pages/a', 'null 2')).toBe('null');
      expect(await bodyOf('pages/a', 'null')).toBe('null 2');

      const seen: string[] = [];
      let markers: { KeyMarker?: string; VersionIdMarker?: string } = {};
      for (let page = 0; page < 10; page++) {
        const listing = await t.s3.send(new ListObjectVersionsCommand({ Bucket: VERSIONED, Prefix: 'pages/', MaxKeys: 2, ...markers }));
        seen.push(...(listing.Versions ?? []).map((v) => `${v.Key}:${v.VersionId}:${v.IsLatest}`));
        if (!listing.IsTruncated) break;
        markers = { KeyMarker: listing.NextKeyMarker, VersionIdMarker: listing.NextVersionIdMarker };
      }
      expect(seen).toEqual([
        'pages/a:null:true',
        `pages/a:${a[2]}:false`,
        `pages/a:${a[1]}:false`,
        `pages/a:${a[0]}:false`,
        `pages/mp:${completed.VersionId}:true`,
      ]);
      // A version-id-marker without a key-marker: 400 InvalidArgument.
      expect(await sdkFailure(t.s3.send(new ListObjectVersionsCommand({ Bucket: VERSIONED, VersionIdMarker: a[0] })))).toEqual({
        code: 'InvalidArgument',
        status: 400,
      });
    });
  });
});
