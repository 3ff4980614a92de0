import { waitFor } from '@strata/common/testing';
import { request } from 'node:http';
import { CreateBucketCommand, GetBucketPolicyStatusCommand, PutBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../helpers/raw-s3.js';
import { BlobBytes, getBytes, MiB, sha256 } from '../helpers/reclamation.js';
import { startReclamationStamp, type ReclamationStamp } from '../helpers/reclamation-stamp.js';

/** A PUT whose body the test sends in two steps: the request stays open in between. */
async function slowPut(stamp: ReclamationStamp, path: string, body: Buffer, firstBytes: number): Promise<{ finish: () => Promise<number> }> {
  const signed = await signRequest({
    info: stamp.t.stamp.info,
    method: 'PUT',
    path,
    headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD', 'content-length': String(body.length) },
  });
  let answer!: Promise<number>;
  const sent = new Promise<ReturnType<typeof request>>((resolve, reject) => {
    const req = request(signed.url, { method: 'PUT', headers: signed.headers });
    answer = new Promise<number>((done, fail) => {
      req.on('response', (response) => {
        response.resume();
        response.on('end', () => done(response.statusCode ?? 0));
      });
      req.on('error', fail);
    });
    req.on('error', reject);
    req.write(body.subarray(0, firstBytes), (error) => (error ? reject(error) : resolve(req)));
  });
  const req = await sent;
  return {
    finish: async () => {
      req.end(body.subarray(firstBytes));
      return answer;
    },
  };
}

/** Edges of space reclamation found in review: writes in flight, and settings across a merge. */
describe('space reclamation: uploads in flight, and container settings across split and merge', () => {
  let stamp: ReclamationStamp | undefined;

  beforeAll(async () => {
    stamp = await startReclamationStamp();
  });
  afterAll(async () => {
    await stamp?.close();
  });

  it('refuses a PUT whose blocks a compaction released while it streamed (503, which clients retry), rather than acknowledging a blob that is about to vanish', async () => {
    const { t, p, operator } = stamp!;
    await t.s3.send(new CreateBucketCommand({ Bucket: 'inflight' }));
    const body = new BlobBytes().make(7 * MiB);
    // 5 MiB in: with 2 MiB extents, at least two sealed extents hold nothing but this
    // unfinished blob's blocks, which no record points at yet.
    const put = await slowPut(stamp!, '/inflight/big', body, 5 * MiB);
    // The bucket is new: the only garbage is the upload's blocks, in the two extents they filled.
    let released = 0;
    let rounds = 0;
    await waitFor(
      'rounds to release the two extents the upload filled so far',
      async () => {
        await p.reportUsage();
        released += Number((await operator.gcRun()).extentsReleased);
        rounds++;
        return released >= 2;
      },
      { timeoutMs: 60_000 },
    );
    const status = await put.finish();
    // Its blocks lie in released extents: refused, so that the client sends it again.
    expect(status).toBe(503);
    await t.s3.send(new PutObjectCommand({ Bucket: 'inflight', Key: 'big', Body: body }));
    const graceEnds = performance.now() + 4_000;
    await waitFor('the garbage grace period (3 s)', () => performance.now() >= graceEnds, { timeoutMs: 10_000 });
    expect(sha256(await getBytes(t.s3, 'inflight', 'big'))).toBe(sha256(body));
    process.stdout.write(`upload in flight during compaction: ${rounds} rounds released ${released} extents; the PUT's answer: ${status}\n`);
  });

  it('keeps a container setting changed after a split when the partitions merge again', async () => {
    const { t, p, operator } = stamp!;
    const account = t.stamp.info.account;
    await t.s3.send(new CreateBucketCommand({ Bucket: 'settings' }));
    for (const key of ['a', 'z']) await t.s3.send(new PutObjectCommand({ Bucket: 'settings', Key: key, Body: key }));
    const before = await p.partitions();
    const holding = before.find((x) => x.lowKey <= `${account}\u0000settings` && (x.highKey === '' || x.highKey > `${account}\u0000settings`))!;
    await operator.split(holding.partitionId, `${account}\u0000settings\u0000m`);
    // The right half keeps a copy of the (private) container record from split time.
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::settings/*' }] };
    await t.s3.send(new PutBucketPolicyCommand({ Bucket: 'settings', Policy: JSON.stringify(policy) }));
    const halves = (await p.partitions()).filter((x) => x.lowKey === holding.lowKey || x.lowKey === `${account}\u0000settings\u0000m`);
    expect(halves).toHaveLength(2);
    const [left, right] = halves.sort((a, b) => (a.lowKey < b.lowKey ? -1 : 1));
    await operator.merge(left!.partitionId, right!.partitionId);
    await waitFor('the merge', async () => (await p.partitions()).length === before.length, { timeoutMs: 60_000 });
    let isPublic: boolean | undefined;
    await waitFor(
      'the merged partition to serve',
      async () => {
        isPublic = (await t.s3.send(new GetBucketPolicyStatusCommand({ Bucket: 'settings' })).catch(() => undefined))?.PolicyStatus?.IsPublic;
        return isPublic !== undefined;
      },
      { timeoutMs: 60_000 },
    );
    expect(isPublic).toBe(true);
  });
});
