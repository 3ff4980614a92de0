import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { digestAllReplicas, peakRssMiB } from '../helpers/replicas.js';
import { startTestStamp, type TestStamp } from '../helpers/test-stamp.js';

const MiB = 1024 * 1024;
const BUCKET = 'skeleton';

async function sha256OfStream(stream: Readable): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of stream) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest('hex'), bytes };
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** Writes `bytes` of random data to a file, a MiB at a time, and returns its SHA-256. */
async function randomFile(path: string, bytes: number): Promise<string> {
  const hash = createHash('sha256');
  const out = createWriteStream(path);
  for (let written = 0; written < bytes; written += MiB) {
    const chunk = randomBytes(Math.min(MiB, bytes - written));
    hash.update(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return hash.digest('hex');
}

describe('walking skeleton: a blob travels front-end → partition server → a 3-replica chain and back', () => {
  let t: TestStamp;
  const small = new Map<string, Buffer>([
    ['empty', Buffer.alloc(0)],
    ['one-kib', randomBytes(1024)],
    ['dir/five-mib', randomBytes(5 * MiB)],
  ]);
  const big = { key: 'big/hundred-mib.bin', bytes: 100 * MiB, sha256: '' };

  beforeAll(async () => {
    t = await startTestStamp();
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('creates a bucket and lists it', async () => {
    await t.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await t.s3.send(new HeadBucketCommand({ Bucket: BUCKET }));
    const { Buckets } = await t.s3.send(new ListBucketsCommand({}));
    expect(Buckets?.map((b) => b.Name)).toContain(BUCKET);
  });

  it('stores objects of 0 B, 1 KiB and 5 MiB and returns them byte for byte', async () => {
    for (const [key, body] of small) {
      const put = await t.s3.send(
        new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body, ContentType: 'application/x-test', Metadata: { origin: 'walking-skeleton' } }),
      );
      expect(put.ETag).toBe(`"${createHash('md5').update(body).digest('hex')}"`);
    }
    for (const [key, body] of small) {
      const got = await t.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
      expect(got.ContentLength).toBe(body.length);
      expect(got.ContentType).toBe('application/x-test');
      expect(got.Metadata).toEqual({ origin: 'walking-skeleton' });
      const received = Buffer.from(await got.Body!.transformToByteArray());
      expect(sha256(received)).toBe(sha256(body));
      const head = await t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
      expect(head.ContentLength).toBe(body.length);
      expect(head.ETag).toBe(got.ETag);
    }
  });

  it('streams a 100 MiB object in and out with every process in bounded memory', async () => {
    const path = join(t.dataDir, '..', `${t.dataDir.split('/').pop()}-upload.bin`);
    big.sha256 = await randomFile(path, big.bytes);
    await t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: big.key, Body: createReadStream(path), ContentLength: big.bytes }));
    const got = await t.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: big.key }));
    expect(got.ContentLength).toBe(big.bytes);
    expect(await sha256OfStream(got.Body as Readable)).toEqual({ sha256: big.sha256, bytes: big.bytes });
    const peaks: Record<string, number> = {};
    for (const info of t.stamp.processes()) if (info.role !== 'etcd') peaks[info.id] = await peakRssMiB(info.pid);
    process.stdout.write(`peak RSS (MiB) after a 100 MiB PUT and GET: ${JSON.stringify(peaks)}\n`);
    for (const [id, mib] of Object.entries(peaks)) expect(mib, `${id} peak RSS`).toBeLessThan(300);
    const { rm } = await import('node:fs/promises');
    await rm(path, { force: true });
  });

  it('keeps every replica of every extent byte-identical, read through each extent node', async () => {
    const { streams, digests } = await digestAllReplicas(t.stamp);
    expect(streams.length).toBeGreaterThanOrEqual(2);
    const byExtent = new Map<string, typeof digests>();
    for (const digest of digests) byExtent.set(digest.extentId, [...(byExtent.get(digest.extentId) ?? []), digest]);
    let bytes = 0;
    for (const [extentId, replicas] of byExtent) {
      expect(replicas, `replicas of ${extentId}`).toHaveLength(3);
      expect(new Set(replicas.map((r) => r.nodeId)).size).toBe(3);
      expect(new Set(replicas.map((r) => `${r.lengthBytes}:${r.sha256}`)).size, `replicas of ${extentId} differ`).toBe(1);
      bytes += replicas[0]!.lengthBytes;
    }
    // Every byte uploaded lies in some extent, three times over.
    expect(bytes).toBeGreaterThan(big.bytes + 5 * MiB);
  });

  it('lists objects with a prefix, max-keys and continuation tokens', async () => {
    const keys = Array.from({ length: 25 }, (_, i) => `list/item-${String(i).padStart(3, '0')}`);
    await Promise.all(keys.map((key) => t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: key }))));
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const page = await t.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'list/', MaxKeys: 10, ContinuationToken: token }));
      seen.push(...(page.Contents ?? []).map((c) => c.Key!));
      expect(page.KeyCount).toBe(page.Contents?.length ?? 0);
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
      pages++;
    } while (token);
    expect(pages).toBe(3);
    expect(seen).toEqual(keys);
    const folders = await t.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Delimiter: '/' }));
    expect(folders.CommonPrefixes?.map((p) => p.Prefix)).toEqual(['big/', 'dir/', 'list/']);
    expect(folders.Contents?.map((c) => c.Key)).toEqual(['empty', 'one-kib']);
  });

  it('deletes an object, and refuses to delete a bucket until it is empty', async () => {
    await t.s3.send(new CreateBucketCommand({ Bucket: 'short-lived' }));
    await t.s3.send(new PutObjectCommand({ Bucket: 'short-lived', Key: 'k', Body: 'v' }));
    await expect(t.s3.send(new DeleteBucketCommand({ Bucket: 'short-lived' }))).rejects.toMatchObject({
      name: 'BucketNotEmpty',
      $metadata: { httpStatusCode: 409 },
    });
    await t.s3.send(new DeleteObjectCommand({ Bucket: 'short-lived', Key: 'k' }));
    await expect(t.s3.send(new GetObjectCommand({ Bucket: 'short-lived', Key: 'k' }))).rejects.toMatchObject({ name: 'NoSuchKey' });
    await t.s3.send(new DeleteBucketCommand({ Bucket: 'short-lived' }));
    await expect(t.s3.send(new HeadBucketCommand({ Bucket: 'short-lived' }))).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
  });

  it('serves every object stored before after the stamp is stopped and started again', async () => {
    await t.restart();
    for (const [key, body] of small) {
      const got = await t.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
      expect(sha256(Buffer.from(await got.Body!.transformToByteArray()))).toBe(sha256(body));
    }
    const got = await t.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: big.key }));
    expect(await sha256OfStream(got.Body as Readable)).toEqual({ sha256: big.sha256, bytes: big.bytes });
    const listed = await t.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'list/' }));
    expect(listed.KeyCount).toBe(25);
    // And it still takes writes.
    await t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'after-restart', Body: 'still here' }));
    const again = await t.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'after-restart' }));
    expect(await again.Body!.transformToString()).toBe('still here');
  });
});
