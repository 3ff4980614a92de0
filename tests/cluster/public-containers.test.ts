import {
  CreateBucketCommand,
  DeleteBucketPolicyCommand,
  GetBucketAclCommand,
  GetBucketPolicyCommand,
  GetBucketPolicyStatusCommand,
  PutBucketAclCommand,
  PutBucketPolicyCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@strata/common/testing';
import { strata, strataJson } from '../helpers/location.js';
import { startTestStamp, type TestStamp } from '../helpers/test-stamp.js';
import { sdkFailure, errorCodeOf } from '../helpers/s3-failures.js';

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const policy = (statements: Array<Record<string, unknown>>): string => JSON.stringify({ Version: '2012-10-17', Statement: statements });
const readStatement = (bucket: string) => ({ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` });

describe('public containers: anonymous reads only where the owner allowed them', () => {
  let t: TestStamp;
  /** An unsigned request, path-style on the endpoint: it addresses the front-end's default account. */
  const anonymous = (path: string, init: RequestInit = {}): Promise<Response> => fetch(`${t.stamp.info.s3Endpoint}${path}`, init);

  beforeAll(async () => {
    t = await startTestStamp();
    for (const bucket of ['pics', 'docs', 'acl', 'cli']) {
      await t.s3.send(new CreateBucketCommand({ Bucket: bucket }));
      await t.s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'a.txt', Body: `a in ${bucket}` }));
    }
  });
  afterAll(async () => {
    await t?.destroy();
  });

  it('keeps containers private by default: anonymous GET, HEAD, list and PUT are 403 AccessDenied, as is a missing bucket', async () => {
    for (const [method, path] of [
      ['GET', '/pics/a.txt'],
      ['GET', '/pics'],
      ['GET', '/no-such-bucket/a.txt'],
      ['PUT', '/pics/b.txt'],
      ['DELETE', '/pics/a.txt'],
      ['GET', '/'],
    ] as const) {
      const response = await anonymous(path, { method, ...(method === 'PUT' ? { body: 'x' } : {}) });
      expect(response.status, `${method} ${path}`).toBe(403);
      expect(errorCodeOf(await response.text())).toBe('AccessDenied');
    }
    expect((await anonymous('/pics/a.txt', { method: 'HEAD' })).status).toBe(403);
  });

  it('a public-read bucket policy opens blob reads (not listing, not writes); GetBucketPolicy shows it; DeleteBucketPolicy closes it', async () => {
    await t.s3.send(new PutBucketPolicyCommand({ Bucket: 'pics', Policy: policy([readStatement('pics')]) }));
    const got = await anonymous('/pics/a.txt');
    expect(got.status).toBe(200);
    expect(await got.text()).toBe('a in pics');
    expect((await anonymous('/pics/a.txt', { method: 'HEAD' })).headers.get('content-length')).toBe('9');
    expect((await anonymous('/pics/missing.txt')).status).toBe(404);
    expect((await anonymous('/pics')).status).toBe(403);
    expect((await anonymous('/pics/b.txt', { method: 'PUT', body: 'x' })).status).toBe(403);
    // s3:GetObject is not s3:GetObjectVersion: a version by id (even "null") stays private.
    expect((await anonymous('/pics/a.txt?versionId=null')).status).toBe(403);
    const override = await anonymous('/pics/a.txt?response-content-type=text/html');
    expect(override.status).toBe(400);
    expect(errorCodeOf(await override.text())).toBe('InvalidRequest');
    const shown = JSON.parse((await t.s3.send(new GetBucketPolicyCommand({ Bucket: 'pics' }))).Policy!) as { Statement: Array<{ Action: string }> };
    expect(shown.Statement.map((s) => s.Action)).toEqual(['s3:GetObject']);
    expect((await t.s3.send(new GetBucketPolicyStatusCommand({ Bucket: 'pics' }))).PolicyStatus?.IsPublic).toBe(true);
    // Through the account's host, as a CDN sends it.
    const hosted = await fetch(`${t.stamp.info.s3Endpoint}/pics/a.txt`, { headers: { host: t.stamp.info.accountHost } });
    expect(hosted.status).toBe(200);

    await t.s3.send(new DeleteBucketPolicyCommand({ Bucket: 'pics' }));
    expect((await anonymous('/pics/a.txt')).status).toBe(403);
    expect(await sdkFailure(t.s3.send(new GetBucketPolicyCommand({ Bucket: 'pics' })))).toEqual({ code: 'NoSuchBucketPolicy', status: 404 });
  });

  it('a policy that also grants s3:ListBucket opens listing; policies Strata cannot enforce are refused, not stored', async () => {
    await t.s3.send(
      new PutBucketPolicyCommand({
        Bucket: 'docs',
        Policy: policy([readStatement('docs'), { Effect: 'Allow', Principal: { AWS: '*' }, Action: 's3:ListBucket', Resource: 'arn:aws:s3:::docs' }]),
      }),
    );
    const listing = await anonymous('/docs?list-type=2');
    expect(listing.status).toBe(200);
    expect(await listing.text()).toContain('<Key>a.txt</Key>');
    const refused: Array<[string, string, number]> = [
      ['not json', 'MalformedPolicy', 400],
      [policy([{ ...readStatement('docs'), Resource: 'arn:aws:s3:::other/*' }]), 'MalformedPolicy', 400],
      [policy([{ ...readStatement('docs'), Principal: { AWS: 'arn:aws:iam::123456789012:root' } }]), 'NotImplemented', 501],
      [policy([{ ...readStatement('docs'), Effect: 'Deny' }]), 'NotImplemented', 501],
      [policy([{ ...readStatement('docs'), Action: 's3:PutObject' }]), 'NotImplemented', 501],
      [policy([{ ...readStatement('docs'), Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } }]), 'NotImplemented', 501],
    ];
    for (const [text, code, status] of refused) {
      expect(await sdkFailure(t.s3.send(new PutBucketPolicyCommand({ Bucket: 'docs', Policy: text }))), text).toEqual({ code, status });
    }
    // Still what was stored before the refused attempts.
    expect((await anonymous('/docs?list-type=2')).status).toBe(200);
  });

  it('PutBucketAcl public-read opens reads and listing; GetBucketAcl shows AllUsers READ; x-amz-acl on PutObject follows the bucket', async () => {
    expect(await sdkFailure(t.s3.send(new PutObjectCommand({ Bucket: 'acl', Key: 'p.txt', Body: 'p', ACL: 'public-read' })))).toEqual({
      code: 'NotImplemented',
      status: 501,
    });
    await t.s3.send(new PutBucketAclCommand({ Bucket: 'acl', ACL: 'public-read' }));
    const acl = await t.s3.send(new GetBucketAclCommand({ Bucket: 'acl' }));
    expect(acl.Grants?.map((g) => g.Grantee?.URI ?? g.Grantee?.ID)).toEqual([t.stamp.info.account, ALL_USERS]);
    await t.s3.send(new PutObjectCommand({ Bucket: 'acl', Key: 'p.txt', Body: 'p', ACL: 'public-read' }));
    expect((await anonymous('/acl/p.txt')).status).toBe(200);
    expect((await anonymous('/acl')).status).toBe(200);
    expect(await sdkFailure(t.s3.send(new PutBucketAclCommand({ Bucket: 'acl', ACL: 'public-read-write' })))).toEqual({ code: 'NotImplemented', status: 501 });
    await t.s3.send(new PutBucketAclCommand({ Bucket: 'acl', ACL: 'private' }));
    expect((await anonymous('/acl/p.txt')).status).toBe(403);
  });

  it('the strata CLI sets access and a default Cache-Control; bad values are one-line errors', async () => {
    const dataDir = ['--data-dir', t.dataDir];
    expect((await strata(['containers', 'set-access', 'cli', 'blob', ...dataDir])).code).toBe(0);
    expect((await strata(['containers', 'set-cache-control', 'cli', 'public, max-age=3600', ...dataDir])).code).toBe(0);
    // The front-end learns of a container's new settings within its cache's TTL (2 s): the
    // PUT of a.txt above may have left the old ones there.
    let got = await anonymous('/cli/a.txt');
    await waitFor(
      'the front-end to serve the new settings',
      async () => (got = await anonymous('/cli/a.txt')).status === 200 && got.headers.get('cache-control') === 'public, max-age=3600',
      { timeoutMs: 10_000 },
    );
    expect(got.status).toBe(200);
    expect(got.headers.get('cache-control')).toBe('public, max-age=3600');
    await t.s3.send(new PutObjectCommand({ Bucket: 'cli', Key: 'own.txt', Body: 'x', CacheControl: 'no-cache' }));
    expect((await anonymous('/cli/own.txt')).headers.get('cache-control')).toBe('no-cache');
    const listed = await strataJson<{ containers: Array<{ container: string; access: string; defaultCacheControl: string }> }>(['containers', ...dataDir]);
    expect(listed.containers.find((c) => c.container === 'cli')).toMatchObject({ access: 'blob', defaultCacheControl: 'public, max-age=3600' });

    const badAccess = await strata(['containers', 'set-access', 'cli', 'everyone', ...dataDir]);
    expect(badAccess.code).toBe(2);
    expect(badAccess.stderr.trim().split('\n')).toHaveLength(1);
    const badHeader = await strata(['containers', 'set-cache-control', 'cli', 'max-age=1\r\nSet-Cookie: x=1', ...dataDir]);
    expect(badHeader.code).toBe(1);
    expect(badHeader.stderr).toContain('INVALID_ARGUMENT');
    const missing = await strata(['containers', 'show', 'no-such-container', ...dataDir]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('NO_SUCH_CONTAINER');
    expect((await anonymous('/cli/a.txt')).headers.get('cache-control')).toBe('public, max-age=3600');
  });
});
