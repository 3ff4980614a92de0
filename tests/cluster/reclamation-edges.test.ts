import { waitFor } from '@strata/common/testing';
import { request } from 'node:http';
import { CreateBucketCommand, GetBucketPolicyStatusCommand, PutBucketPolicyCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../helpers/raw-s3.js';
import { BlobBytes, extentsReport, getBytes, MiB, sha256 } from '../helpers/reclamation.js';
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

  // A PUT's bytes go to the front-end's own stream (docs/data-plane.md); compaction used to
  // release the partition's extents under a PUT still streaming into them (then refused with
  // 503). Now no record points at those blocks yet, but the stream lists their extents until
  // the upload ends, and the commit's hold keeps them after.
  it('leaves the blocks of a PUT still streaming alone: compaction rounds and sweeps meanwhile, then the PUT succeeds and reads back whole', async () => {
    const { t, p, operator } = stamp!;
    await t.s3.send(new CreateBucketCommand({ Bucket: 'inflight' }));
    const body = new BlobBytes().make(7 * MiB);
    const sealedInFrontEndStreams = async (): Promise<string[]> =>
      (await extentsReport(t)).streams
        .filter((s) => s.name.startsWith('fe/'))
        .flatMap((s) => s.extents.filter((e) => e.sealed && e.lengthBytes > 0).map((e) => e.extentId));
    // 5 MiB in: with 2 MiB extents, the upload has filled at least two sealed extents that no
    // record points at yet (the empty ones each stream sealed when the front-end took it over
    // at start do not count).
    const put = await slowPut(stamp!, '/inflight/big', body, 5 * MiB);
    let filled: string[] = [];
    await waitFor(
      'the upload to fill two sealed extents',
      async () => {
        filled = await sealedInFrontEndStreams();
        return filled.length >= 2;
      },
      { timeoutMs: 30_000 },
    );
    // Collection rounds, and more than one sweep of the front-end's streams (every 5 s), while it streams.
    const sweepsDone = performance.now() + 11_000;
    let rounds = 0;
    await waitFor(
      'rounds of collection and two sweeps',
      async () => {
        await p.reportUsage();
        expect((await operator.gcRun()).errors).toEqual([]);
        rounds++;
        return performance.now() >= sweepsDone;
      },
      { timeoutMs: 60_000 },
    );
    expect(await sealedInFrontEndStreams()).toEqual(expect.arrayContaining(filled));
    expect(await put.finish()).toBe(200);
    const graceEnds = performance.now() + 4_000;
    await waitFor('the garbage grace period (3 s)', () => performance.now() >= graceEnds, { timeoutMs: 10_000 });
    expect(sha256(await getBytes(t.s3, 'inflight', 'big'))).toBe(sha256(body));
    process.stdout.write(`upload in flight during compaction: ${rounds} rounds; the ${filled.length} extents it filled stayed listed\n`);
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
