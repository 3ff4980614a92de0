import { waitFor } from '@strata/common/testing';
import { createHash, randomBytes } from 'node:crypto';
import { CreateBucketCommand, GetObjectCommand, PutBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startNginxEdge, startVarnishEdge, type CachingProxy } from '../helpers/caching-proxy.js';
import { extentNodeReadBytes, s3RequestCount } from '../helpers/origin-counters.js';
import { startTestStamp, type TestStamp } from '../helpers/test-stamp.js';

const MiB = 1024 * 1024;
const PUBLIC = 'assets';
const PRIVATE = 'vault';
const sha256 = (data: Buffer | Uint8Array): string => createHash('sha256').update(data).digest('hex');
const publicReadPolicy = (bucket: string): string =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Sid: 'PublicRead', Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }],
  });

describe('Strata as the origin of a caching proxy (Debian nginx, deploy/cdn/nginx-edge.conf)', () => {
  let t: TestStamp;
  let edge: CachingProxy;
  const big = randomBytes(256 * MiB);

  beforeAll(async () => {
    t = await startTestStamp();
    await t.s3.send(new CreateBucketCommand({ Bucket: PUBLIC }));
    await t.s3.send(new PutBucketPolicyCommand({ Bucket: PUBLIC, Policy: publicReadPolicy(PUBLIC) }));
    await t.s3.send(new CreateBucketCommand({ Bucket: PRIVATE }));
    const origin = new URL(t.stamp.info.s3Endpoint).host;
    edge = await startNginxEdge({ origin, accountHost: t.stamp.info.accountHost });
  });
  afterAll(async () => {
    await edge?.stop();
    await t?.destroy();
  });

  it('answers 1,000 requests for a fresh public blob with exactly one origin GET', async () => {
    const body = randomBytes(200_000);
    await t.s3.send(new PutObjectCommand({ Bucket: PUBLIC, Key: 'app.js', Body: body, ContentType: 'text/javascript', CacheControl: 'public, max-age=300' }));
    const before = await s3RequestCount(t.stamp, 'GetObject');
    const requests = 1000;
    const concurrency = 20;
    let next = 0;
    const bodies: string[] = [];
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < requests) {
          next++;
          const response = await fetch(`${edge.url}/${PUBLIC}/app.js`);
          expect(response.status).toBe(200);
          bodies.push(sha256(Buffer.from(await response.arrayBuffer())));
        }
      }),
    );
    const originGets = (await s3RequestCount(t.stamp, 'GetObject')) - before;
    expect(new Set(bodies)).toEqual(new Set([sha256(body)]));
    expect(originGets).toBe(1);
    process.stdout.write(`cdn origin offload: ${bodies.length} client requests, ${originGets} origin GET (${bodies.length / originGets}:1)\n`);
  });

  it('carries the same caching headers on HEAD and GET', async () => {
    const get = await fetch(`${edge.url}/${PUBLIC}/app.js`);
    await get.arrayBuffer();
    const head = await fetch(`${edge.url}/${PUBLIC}/app.js`, { method: 'HEAD' });
    for (const name of ['etag', 'last-modified', 'cache-control', 'content-length', 'content-type', 'accept-ranges']) {
      expect(head.headers.get(name), name).toBe(get.headers.get(name));
      expect(get.headers.get(name), name).toBeTruthy();
    }
  });

  it('revalidates an expired copy with a conditional GET that Strata answers 304, and serves an overwrite after expiry', async () => {
    await t.s3.send(
      new PutObjectCommand({ Bucket: PUBLIC, Key: 'feed.json', Body: '{"v":1}', ContentType: 'application/json', CacheControl: 'public, max-age=1' }),
    );
    const first = await fetch(`${edge.url}/${PUBLIC}/feed.json`);
    expect(await first.text()).toBe('{"v":1}');
    const before304 = await s3RequestCount(t.stamp, 'GetObject', 304);
    const revalidated = await waitFor('nginx to revalidate feed.json', async () => {
      const response = await fetch(`${edge.url}/${PUBLIC}/feed.json`);
      const text = await response.text();
      return response.headers.get('x-cache-status') === 'REVALIDATED' ? { text, response } : undefined;
    });
    expect(revalidated.text).toBe('{"v":1}');
    expect((await s3RequestCount(t.stamp, 'GetObject', 304)) - before304).toBeGreaterThanOrEqual(1);

    await t.s3.send(
      new PutObjectCommand({ Bucket: PUBLIC, Key: 'feed.json', Body: '{"v":2}', ContentType: 'application/json', CacheControl: 'public, max-age=1' }),
    );
    const updated = await waitFor('the overwrite to reach clients after expiry', async () => {
      const response = await fetch(`${edge.url}/${PUBLIC}/feed.json`);
      const text = await response.text();
      return text === '{"v":2}' ? response : undefined;
    });
    expect(updated.headers.get('etag')).not.toBe(first.headers.get('etag'));
  });

  it('answers a private blob 403 through the proxy, and never caches it', async () => {
    await t.s3.send(new PutObjectCommand({ Bucket: PRIVATE, Key: 'secret.txt', Body: 'not for you', CacheControl: 'public, max-age=300' }));
    const before = await s3RequestCount(t.stamp, 'GetObject', 403);
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${edge.url}/${PRIVATE}/secret.txt`);
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('<Code>AccessDenied</Code>');
      expect(response.headers.get('x-cache-status')).not.toBe('HIT');
    }
    expect((await s3RequestCount(t.stamp, 'GetObject', 403)) - before).toBe(3);
  });

  it('serves an empty blob whole (the origin answers 416 to its slice, as S3 does), and passes a 404 as it came', async () => {
    await t.s3.send(new PutObjectCommand({ Bucket: PUBLIC, Key: 'empty.txt', Body: '', CacheControl: 'public, max-age=300' }));
    for (let i = 0; i < 2; i++) {
      const response = await fetch(`${edge.url}/${PUBLIC}/empty.txt`);
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('');
    }
    const missing = await fetch(`${edge.url}/${PUBLIC}/no-such-key`);
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<Code>NoSuchKey</Code>');
  });

  it('serves ranges of a 256 MiB blob through the proxy, and a 1 MiB range reads about 1 MiB from disk', async () => {
    await t.s3.send(new PutObjectCommand({ Bucket: PUBLIC, Key: 'video.bin', Body: big, CacheControl: 'public, max-age=600' }));
    const ranges: Array<[number, number]> = [
      [0, 99],
      [MiB - 100, MiB + 100],
      [100_000_000, 100_000_000 + 3 * MiB],
      [big.length - 1000, big.length - 1],
    ];
    for (const [start, end] of ranges) {
      const response = await fetch(`${edge.url}/${PUBLIC}/video.bin`, { headers: { range: `bytes=${start}-${end}` } });
      expect(response.status).toBe(206);
      expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end}/${big.length}`);
      expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(sha256(big.subarray(start, end + 1)));
    }
    const whole = await fetch(`${edge.url}/${PUBLIC}/video.bin`);
    expect(sha256(Buffer.from(await whole.arrayBuffer()))).toBe(sha256(big));

    // Straight from the origin: what one 1 MiB range costs the extent nodes' disks.
    const before = await extentNodeReadBytes(t.stamp);
    const start = 150 * MiB + 12_345;
    const range = await t.s3.send(new GetObjectCommand({ Bucket: PUBLIC, Key: 'video.bin', Range: `bytes=${start}-${start + MiB - 1}` }));
    expect(sha256(await range.Body!.transformToByteArray())).toBe(sha256(big.subarray(start, start + MiB)));
    const read = (await extentNodeReadBytes(t.stamp)) - before;
    expect(read).toBeGreaterThanOrEqual(MiB);
    expect(read).toBeLessThanOrEqual(2 * MiB + 4096);
    // Blocks are at most 1 MiB, so an unaligned 1 MiB range touches two of them; an aligned one
    // (what the nginx slice module asks for) touches one.
    const beforeAligned = await extentNodeReadBytes(t.stamp);
    const aligned = await t.s3.send(new GetObjectCommand({ Bucket: PUBLIC, Key: 'video.bin', Range: `bytes=${200 * MiB}-${201 * MiB - 1}` }));
    expect(sha256(await aligned.Body!.transformToByteArray())).toBe(sha256(big.subarray(200 * MiB, 201 * MiB)));
    const readAligned = (await extentNodeReadBytes(t.stamp)) - beforeAligned;
    expect(readAligned).toBeLessThanOrEqual(MiB + 4096);
    process.stdout.write(
      `range read: 1 MiB of a 256 MiB blob read ${(read / MiB).toFixed(2)} MiB (unaligned) and ${(readAligned / MiB).toFixed(2)} MiB (slice-aligned) from extent-node disks\n`,
    );
  });

  it('works the same behind Varnish (deploy/cdn/varnish-edge.vcl): one origin GET for 200 requests, 304 revalidation, private never cached', async () => {
    const varnish = await startVarnishEdge({ origin: new URL(t.stamp.info.s3Endpoint).host, accountHost: t.stamp.info.accountHost });
    try {
      const body = randomBytes(50_000);
      await t.s3.send(new PutObjectCommand({ Bucket: PUBLIC, Key: 'style.css', Body: body, ContentType: 'text/css', CacheControl: 'public, max-age=300' }));
      const before = await s3RequestCount(t.stamp, 'GetObject');
      for (let i = 0; i < 200; i++) {
        const response = await fetch(`${varnish.url}/${PUBLIC}/style.css`);
        expect(sha256(Buffer.from(await response.arrayBuffer()))).toBe(sha256(body));
      }
      expect((await s3RequestCount(t.stamp, 'GetObject')) - before).toBe(1);

      await t.s3.send(new PutObjectCommand({ Bucket: PUBLIC, Key: 'short.json', Body: '{"v":1}', CacheControl: 'public, max-age=1' }));
      expect(await (await fetch(`${varnish.url}/${PUBLIC}/short.json`)).text()).toBe('{"v":1}');
      const before304 = await s3RequestCount(t.stamp, 'GetObject', 304);
      await waitFor('Varnish to revalidate short.json', async () => {
        const response = await fetch(`${varnish.url}/${PUBLIC}/short.json`);
        expect(await response.text()).toBe('{"v":1}');
        return (await s3RequestCount(t.stamp, 'GetObject', 304)) > before304 ? true : undefined;
      });

      const before403 = await s3RequestCount(t.stamp, 'GetObject', 403);
      for (let i = 0; i < 2; i++) expect((await fetch(`${varnish.url}/${PRIVATE}/secret.txt`)).status).toBe(403);
      expect((await s3RequestCount(t.stamp, 'GetObject', 403)) - before403).toBe(2);

      const range = await fetch(`${varnish.url}/${PUBLIC}/style.css`, { headers: { range: 'bytes=100-199' } });
      expect(range.status).toBe(206);
      expect(Buffer.from(await range.arrayBuffer()).equals(body.subarray(100, 200))).toBe(true);
    } finally {
      await varnish.stop();
    }
  });
});
