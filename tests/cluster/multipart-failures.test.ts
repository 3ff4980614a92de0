import { waitFor } from '@strata/common/testing';
import { createHash, randomBytes } from 'node:crypto';
import {
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListMultipartUploadsCommand,
  ListPartsCommand,
  UploadPartCommand,
  type CompletedPart,
} from '@aws-sdk/client-s3';
import { PartitionManagerClient } from '@strata/partition-layer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PartitionHarness } from '../helpers/partition-harness.js';
import { logLines } from '../helpers/stream-harness.js';
import { startTestStamp, type TestStamp } from '../helpers/test-stamp.js';
import { processAlive } from '../helpers/process-alive.js';

const MiB = 1024 * 1024;
const BUCKET = 'survivors';
const sha256Hex = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

/** How long a partition may take to fail over while a test retries what it answers meanwhile (503). */
const FAILOVER_MS = 90_000;

/**
 * A partition server owning an upload is killed: acknowledged parts survive and completion is
 * retryable. And incomplete uploads expire.
 */
describe('multipart uploads when the partition server dies', () => {
  let t: TestStamp;
  let p: PartitionHarness;
  let operator: PartitionManagerClient;

  beforeAll(async () => {
    t = await startTestStamp({ partitionServers: 2, env: { STRATA_AUTO_BALANCE: 'false' } });
    p = await PartitionHarness.open(t.stamp);
    operator = new PartitionManagerClient({ etcd: p.etcd, prefix: t.stamp.info.etcdPrefix });
    await t.s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  });
  afterAll(async () => {
    operator?.close();
    await p?.close();
    await t?.destroy();
  });

  const owner = async (): Promise<string> => (await p.partitions())[0]!.ownerId;
  /** An upload of two acknowledged parts; returns them and the bytes the object must hold. */
  const uploadParts = async (key: string): Promise<{ uploadId: string; parts: CompletedPart[]; body: Buffer }> => {
    const uploadId = (await t.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: key }))).UploadId!;
    const bytes = [randomBytes(5 * MiB), randomBytes(MiB + 5)];
    const parts: CompletedPart[] = [];
    for (const [i, part] of bytes.entries()) {
      const answer = await t.s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, PartNumber: i + 1, Body: part }));
      parts.push({ PartNumber: i + 1, ETag: answer.ETag!, ChecksumCRC32: answer.ChecksumCRC32! });
    }
    return { uploadId, parts, body: Buffer.concat(bytes) };
  };
  const complete = (key: string, uploadId: string, parts: CompletedPart[]) =>
    t.s3.send(new CompleteMultipartUploadCommand({ Bucket: BUCKET, Key: key, UploadId: uploadId, MultipartUpload: { Parts: parts } }));
  const expectWhole = async (key: string, body: Buffer): Promise<void> => {
    const got = await t.s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }));
    expect(sha256Hex(Buffer.from(await got.Body!.transformToByteArray()))).toBe(sha256Hex(body));
    expect((await t.s3.send(new ListMultipartUploadsCommand({ Bucket: BUCKET, Prefix: key }))).Uploads ?? []).toEqual([]);
  };
  const expectNoObject = async (key: string): Promise<void> => {
    await waitFor(
      `HEAD ${key} to answer 404`,
      async () => {
        const answer = await t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key })).then(
          () => 'found',
          (error: Error) => error.name,
        );
        if (answer !== 'NotFound') throw new Error(answer);
        return true;
      },
      { timeoutMs: FAILOVER_MS },
    );
  };
  /** Restarts `serverId` with `args` added (for this start only) and gives it the partition. */
  const restartOwning = async (serverId: string, args: string[]): Promise<void> => {
    await t.stamp.restart(serverId, args);
    const [partition] = await p.partitions();
    await waitFor('the partition assigned', async () => (await owner()) !== '', { timeoutMs: 30_000 });
    if ((await owner()) !== serverId) await operator.move(partition!.partitionId, serverId);
    await waitFor(`the partition on ${serverId}`, async () => (await owner()) === serverId, { timeoutMs: 30_000 });
  };

  it('keeps acknowledged parts when the owner is killed between UploadPart and Complete', async () => {
    const { uploadId, parts, body } = await uploadParts('between');
    const victim = await owner();
    await t.stamp.kill(victim);
    const listed = await waitFor(
      'ListParts after the failover',
      () => t.s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: 'between', UploadId: uploadId })),
      {
        timeoutMs: FAILOVER_MS,
      },
    );
    expect(listed.Parts!.map((part) => part.ETag)).toEqual(parts.map((part) => part.ETag));
    expect(await owner()).not.toBe(victim);
    await expectNoObject('between');
    await complete('between', uploadId, parts);
    await expectWhole('between', body);
    await t.stamp.restart(victim);
  });

  for (const step of ['beforeCommit', 'afterCommit'] as const) {
    it(`lets Complete be retried when the owner dies ${step === 'beforeCommit' ? 'before' : 'after'} committing it: one whole object, never half`, async () => {
      const key = `during-${step}`;
      const { uploadId, parts, body } = await uploadParts(key);
      const victim = await owner();
      await restartOwning(victim, ['--failpoints', `partitionServer.complete.${step}=crash`]);
      // The first attempt meets the crash (the front-end and the SDK retry it while the partition fails over).
      const first = await complete(key, uploadId, parts).then(
        (done) => done.ETag ?? '',
        (error: Error) => error.name,
      );
      await waitFor(`${victim} to crash at the failpoint`, async () => !(await roleAlive(t, victim)), { timeoutMs: 30_000 });
      const done = await waitFor('a retried Complete', () => complete(key, uploadId, parts), { timeoutMs: FAILOVER_MS });
      expect(done.ETag).toMatch(/^"[0-9a-f]{32}-2"$/);
      if (first.startsWith('"')) expect(first).toBe(done.ETag);
      await expectWhole(key, body);
      expect((await t.s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }))).ETag).toBe(done.ETag);
      process.stdout.write(
        `multipart: owner killed ${step === 'beforeCommit' ? 'before' : 'after'} committing Complete: the client's call answered ${first}, a later Complete the same ETag\n`,
      );
      await t.stamp.restart(victim);
    });
  }

  // In this stamp rather than one of its own (a stamp's start is the dearest part of a test):
  // the server that does not own the partition restarts with a short expiry and takes it over.
  it('removes an incomplete upload older than --multipart-expiry-ms, with its parts, and not before', async () => {
    const EXPIRY_MS = 3_000;
    const server = (await owner()) === 'ps-1' ? 'ps-2' : 'ps-1';
    await restartOwning(server, ['--multipart-expiry-ms', String(EXPIRY_MS)]);
    const created = Date.now();
    const uploadId = (await t.s3.send(new CreateMultipartUploadCommand({ Bucket: BUCKET, Key: 'old' }))).UploadId!;
    await t.s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: 'old', UploadId: uploadId, PartNumber: 1, Body: randomBytes(1000) }));
    const listed = async (): Promise<string[]> =>
      ((await t.s3.send(new ListMultipartUploadsCommand({ Bucket: BUCKET }))).Uploads ?? []).map((u) => u.UploadId!);
    expect(await listed()).toEqual([uploadId]);
    await waitFor('the upload to expire', async () => !(await listed()).includes(uploadId), { timeoutMs: 30_000 });
    const goneAfterMs = Date.now() - created;
    expect(goneAfterMs).toBeGreaterThanOrEqual(EXPIRY_MS);
    await expect(t.s3.send(new ListPartsCommand({ Bucket: BUCKET, Key: 'old', UploadId: uploadId }))).rejects.toMatchObject({ name: 'NoSuchUpload' });
    await expect(t.s3.send(new UploadPartCommand({ Bucket: BUCKET, Key: 'old', UploadId: uploadId, PartNumber: 2, Body: 'late' }))).rejects.toMatchObject({
      name: 'NoSuchUpload',
    });
    expect((await logLines(t.stamp, server, 'incomplete upload expired')).map((line) => line.uploadId)).toEqual([uploadId]);
    process.stdout.write(`multipart: an upload with a ${EXPIRY_MS} ms expiry was gone after ${goneAfterMs} ms\n`);
  });
});

async function roleAlive(t: TestStamp, id: string): Promise<boolean> {
  const info = t.stamp.processes().find((x) => x.id === id);
  return info ? processAlive(info.pid) : false;
}
