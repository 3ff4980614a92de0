import { createHash } from 'node:crypto';
import http from 'node:http';
import type { LookupFunction } from 'node:net';
import {
  CreateBucketCommand,
  DeleteBucketCorsCommand,
  GetBucketCorsCommand,
  GetBucketVersioningCommand,
  GetObjectCommand,
  ListObjectsV2Command,
  PutBucketCorsCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signedRequest } from '../helpers/raw-s3.js';
import { startTestStamp, type TestStamp } from '../helpers/test-stamp.js';
import { sdkFailure, errorCodeOf } from '../helpers/s3-failures.js';

const BUCKET = 'site';
const EMPTY_SHA256 = createHash('sha256').update('').digest('hex');
const DOMAIN = 'strata.test';

/** Resolves every *.strata.test name to loopback, as the stamp's DNS responder would. */
const loopbackLookup: LookupFunction = (_hostname, options, callback) => {
  if (options.all) (callback as (error: null, addresses: Array<{ address: string; family: number }>) => void)(null, [{ address: '127.0.0.1', family: 4 }]);
  else callback(null, '127.0.0.1', 4);
};

describe('S3 buckets, CORS, presigned URLs, addressing and auth edges', () => {
  let t: TestStamp;

  beforeAll(async () => {
    t = await startTestStamp();
    await t.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
    await t.s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'index.html', Body: '<p>hello</p>', ContentType: 'text/html' }));
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('says versioning was never enabled, and refuses a Status other than Enabled or Suspended (400 MalformedXML)', async () => {
    const versioning = await t.s3.send(new GetBucketVersioningCommand({ Bucket: BUCKET }));
    expect(versioning.Status).toBeUndefined();
    expect(await sdkFailure(t.s3.send(new PutBucketVersioningCommand({ Bucket: BUCKET, VersioningConfiguration: { Status: 'Off' as 'Enabled' } })))).toEqual({
      code: 'MalformedXML',
      status: 400,
    });
    expect((await t.s3.send(new GetBucketVersioningCommand({ Bucket: BUCKET }))).Status).toBeUndefined();
  });

  it('keeps bucket CORS rules and answers browser preflights and requests from them', async () => {
    const endpoint = t.stamp.info.s3Endpoint;
    const preflight = (origin: string | undefined, method: string, headers = ''): Promise<Response> =>
      fetch(`${endpoint}/${BUCKET}/index.html`, {
        method: 'OPTIONS',
        headers: { ...(origin ? { origin } : {}), 'access-control-request-method': method, ...(headers ? { 'access-control-request-headers': headers } : {}) },
      });
    expect(errorCodeOf(await (await preflight('https://app.example.com', 'GET')).text())).toBe('AccessForbidden');
    expect(await sdkFailure(t.s3.send(new GetBucketCorsCommand({ Bucket: BUCKET })))).toEqual({ code: 'NoSuchCORSConfiguration', status: 404 });

    const rules = [
      {
        AllowedOrigins: ['https://*.example.com'],
        AllowedMethods: ['GET', 'HEAD', 'PUT'],
        AllowedHeaders: ['content-type', 'x-amz-*'],
        ExposeHeaders: ['ETag'],
        MaxAgeSeconds: 300,
      },
      { AllowedOrigins: ['*'], AllowedMethods: ['GET'] },
    ];
    await t.s3.send(new PutBucketCorsCommand({ Bucket: BUCKET, CORSConfiguration: { CORSRules: rules } }));
    expect((await t.s3.send(new GetBucketCorsCommand({ Bucket: BUCKET }))).CORSRules).toEqual(rules);

    const allowed = await preflight('https://app.example.com', 'PUT', 'Content-Type, X-Amz-Date');
    expect(allowed.status).toBe(200);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(allowed.headers.get('access-control-allow-methods')).toBe('GET, HEAD, PUT');
    expect(allowed.headers.get('access-control-allow-headers')).toBe('content-type, x-amz-date');
    expect(allowed.headers.get('access-control-max-age')).toBe('300');
    expect(allowed.headers.get('vary')).toContain('Origin');
    const anyOrigin = await preflight('https://elsewhere.org', 'GET');
    expect(anyOrigin.headers.get('access-control-allow-origin')).toBe('*');
    const refused = await preflight('https://elsewhere.org', 'DELETE');
    expect(refused.status).toBe(403);
    expect(errorCodeOf(await refused.text())).toBe('AccessForbidden');
    const noOrigin = await preflight(undefined, 'GET');
    expect(noOrigin.status).toBe(400);
    expect(errorCodeOf(await noOrigin.text())).toBe('BadRequest');

    // The actual request a browser sends after the preflight: signed, with its Origin.
    const actual = await signedRequest({
      info: t.stamp.info,
      method: 'GET',
      path: `/${BUCKET}/index.html`,
      headers: { origin: 'https://app.example.com', 'x-amz-content-sha256': EMPTY_SHA256 },
    });
    expect(actual.status).toBe(200);
    expect(actual.headers.get('access-control-allow-origin')).toBe('https://app.example.com');
    expect(actual.headers.get('access-control-expose-headers')).toBe('ETag');
    expect(actual.headers.get('vary')).toContain('Origin');

    await t.s3.send(new DeleteBucketCorsCommand({ Bucket: BUCKET }));
    expect(await sdkFailure(t.s3.send(new GetBucketCorsCommand({ Bucket: BUCKET })))).toEqual({ code: 'NoSuchCORSConfiguration', status: 404 });
    // Another front-end would see the change within the settings cache's 2 s; this one at once.
    expect((await preflight('https://app.example.com', 'GET')).status).toBe(403);
  });

  it('serves presigned GET and PUT URLs sent with plain fetch, and refuses an expired one', async () => {
    const put = await getSignedUrl(t.s3, new PutObjectCommand({ Bucket: BUCKET, Key: 'presigned.txt' }), { expiresIn: 600 });
    expect((await fetch(put, { method: 'PUT', body: 'uploaded without the SDK' })).status).toBe(200);
    const get = await getSignedUrl(t.s3, new GetObjectCommand({ Bucket: BUCKET, Key: 'presigned.txt' }), { expiresIn: 600 });
    const got = await fetch(get);
    expect(got.status).toBe(200);
    expect(await got.text()).toBe('uploaded without the SDK');
    const expired = await getSignedUrl(t.s3, new GetObjectCommand({ Bucket: BUCKET, Key: 'presigned.txt' }), {
      expiresIn: 60,
      signingDate: new Date(Date.now() - 3_600_000),
    });
    const refused = await fetch(expired);
    expect(refused.status).toBe(403);
    expect(errorCodeOf(await refused.text())).toBe('AccessDenied');
    const tampered = await fetch(get.replace('presigned.txt', 'index.html'));
    expect(errorCodeOf(await tampered.text())).toBe('SignatureDoesNotMatch');
  });

  it('refuses an expired presigned PUT (403 Request has expired, storing nothing) and an X-Amz-Expires outside 0..604800 (400)', async () => {
    const expiredPut = await getSignedUrl(t.s3, new PutObjectCommand({ Bucket: BUCKET, Key: 'late.txt' }), {
      expiresIn: 60,
      signingDate: new Date(Date.now() - 3_600_000),
    });
    const late = await fetch(expiredPut, { method: 'PUT', body: 'too late' });
    const lateBody = await late.text();
    expect([late.status, errorCodeOf(lateBody)]).toEqual([403, 'AccessDenied']);
    expect(lateBody).toContain('<Message>Request has expired</Message><X-Amz-Expires>60</X-Amz-Expires><Expires>');
    expect(lateBody).toMatch(/<Expires>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/Expires><ServerTime>\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ<\/ServerTime>/);
    expect(await sdkFailure(t.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'late.txt' })))).toEqual({ code: 'NoSuchKey', status: 404 });
    // The SDK presigns at most a week; the URL is edited after (the expiry is judged before the signature).
    const url = await getSignedUrl(t.s3, new GetObjectCommand({ Bucket: BUCKET, Key: 'index.html' }), { expiresIn: 600 });
    const withExpires = async (seconds: string) => {
      const response = await fetch(url.replace('X-Amz-Expires=600', `X-Amz-Expires=${seconds}`));
      const body = await response.text();
      return [response.status, errorCodeOf(body), /<Message>([^<]*)<\/Message>/.exec(body)?.[1]];
    };
    expect(await withExpires('604801')).toEqual([
      400,
      'AuthorizationQueryParametersError',
      'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds',
    ]);
    expect(await withExpires('-1')).toEqual([400, 'AuthorizationQueryParametersError', 'X-Amz-Expires must be non-negative']);
    expect(await withExpires('0')).toEqual([403, 'AccessDenied', 'Request has expired']);
  });

  it('accepts any region name, and refuses a request signed 20 minutes off (RequestTimeTooSkewed)', async () => {
    for (const region of ['eu-central-1', 'moon-base-1']) {
      const client = new S3Client({
        endpoint: t.stamp.info.s3Endpoint,
        region,
        credentials: { accessKeyId: t.stamp.info.accessKeyId, secretAccessKey: t.stamp.info.secretAccessKey },
      });
      expect((await client.send(new ListObjectsV2Command({ Bucket: BUCKET }))).KeyCount).toBeGreaterThan(0);
      client.destroy();
    }
    const skewed = await signedRequest({
      info: t.stamp.info,
      method: 'GET',
      path: `/${BUCKET}/index.html`,
      headers: { 'x-amz-content-sha256': EMPTY_SHA256 },
      signingDate: new Date(Date.now() - 20 * 60_000),
    });
    expect(skewed.status).toBe(403);
    expect(errorCodeOf(skewed.body)).toBe('RequestTimeTooSkewed');
  });

  it('serves {account}.{domain} and virtual-hosted {bucket}.{account}.{domain} hosts, and refuses an account the stamp does not serve', async () => {
    const port = new URL(t.stamp.info.s3Endpoint).port;
    const agent = new http.Agent({ lookup: loopbackLookup });
    const clientAt = (account: string): S3Client =>
      new S3Client({
        endpoint: `http://${account}.${DOMAIN}:${port}`,
        region: t.stamp.info.region,
        credentials: { accessKeyId: t.stamp.info.accessKeyId, secretAccessKey: t.stamp.info.secretAccessKey },
        requestHandler: { httpAgent: agent },
      });
    const hosted = clientAt(t.stamp.info.account);
    const stranger = clientAt('nobody');
    try {
      // The SDK's default for a named endpoint is virtual-hosted style: site.<account>.strata.test.
      await hosted.send(new PutObjectCommand({ Bucket: BUCKET, Key: 'hosted/a.txt', Body: 'via the host' }));
      expect(await (await hosted.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'hosted/a.txt' }))).Body!.transformToString()).toBe('via the host');
      expect((await t.s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: 'hosted/' }))).KeyCount).toBe(1);
      expect(await sdkFailure(stranger.send(new GetObjectCommand({ Bucket: BUCKET, Key: 'index.html' })))).toEqual({ code: 'AccessDenied', status: 403 });
    } finally {
      hosted.destroy();
      stranger.destroy();
      agent.destroy();
    }
  });

  it('refuses headers over 8 KiB with RequestHeaderSectionTooLarge, and survives headers over the parser limit', async () => {
    const big = await signedRequest({
      info: t.stamp.info,
      method: 'GET',
      path: `/${BUCKET}/index.html`,
      headers: { 'x-amz-content-sha256': EMPTY_SHA256, 'x-padding': 'p'.repeat(10_000) },
    });
    expect(big.status).toBe(400);
    expect(errorCodeOf(big.body)).toBe('RequestHeaderSectionTooLarge');
    const huge = await fetch(`${t.stamp.info.s3Endpoint}/${BUCKET}/index.html`, { headers: { 'x-padding': 'p'.repeat(100_000) } });
    expect(huge.status).toBe(431);
    expect((await t.s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))).KeyCount).toBeGreaterThan(0);
  });
});
