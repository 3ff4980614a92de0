import { CreateBucketCommand, GetObjectCommand, PutObjectCommand, S3Client, type S3ServiceException } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientFor, startTestStamp, type TestStamp } from '../helpers/test-stamp.js';

/** S3's conditional writes, atomic per key at the owning partition. */
describe('conditional writes', () => {
  let t: TestStamp;
  const clients: S3Client[] = [];

  beforeAll(async () => {
    t = await startTestStamp();
    await t.s3.send(new CreateBucketCommand({ Bucket: 'cond' }));
  });
  afterAll(async () => {
    for (const client of clients) client.destroy();
    await t?.destroy();
  });

  it('lets exactly one of 20 concurrent If-None-Match: * PUTs on one key win', async () => {
    for (let i = 0; i < 20; i++) clients.push(clientFor(t.stamp));
    const outcomes = await Promise.all(
      clients.map((client, i) =>
        client.send(new PutObjectCommand({ Bucket: 'cond', Key: 'only-once', Body: `writer ${i}`, IfNoneMatch: '*' })).then(
          () => ({ i, status: 200 }),
          (error: S3ServiceException) => ({ i, status: error.$metadata?.httpStatusCode ?? 0, code: error.name }),
        ),
      ),
    );
    const winners = outcomes.filter((o) => o.status === 200);
    expect(winners).toHaveLength(1);
    for (const loser of outcomes.filter((o) => o.status !== 200)) expect(loser).toMatchObject({ status: 412, code: 'PreconditionFailed' });
    const stored = await t.s3.send(new GetObjectCommand({ Bucket: 'cond', Key: 'only-once' }));
    expect(await stored.Body!.transformToString()).toBe(`writer ${winners[0]!.i}`);
  });

  it('writes with If-Match only over the ETag named, and refuses a missing key', async () => {
    const first = await t.s3.send(new PutObjectCommand({ Bucket: 'cond', Key: 'versioned', Body: 'v1' }));
    await expect(
      t.s3.send(new PutObjectCommand({ Bucket: 'cond', Key: 'versioned', Body: 'v2', IfMatch: '"0123456789abcdef0123456789abcdef"' })),
    ).rejects.toMatchObject({
      name: 'PreconditionFailed',
      $metadata: { httpStatusCode: 412 },
    });
    const second = await t.s3.send(new PutObjectCommand({ Bucket: 'cond', Key: 'versioned', Body: 'v2', IfMatch: first.ETag }));
    expect(second.ETag).not.toBe(first.ETag);
    const got = await t.s3.send(new GetObjectCommand({ Bucket: 'cond', Key: 'versioned' }));
    expect(await got.Body!.transformToString()).toBe('v2');
    await expect(t.s3.send(new PutObjectCommand({ Bucket: 'cond', Key: 'never-written', Body: 'x', IfMatch: first.ETag }))).rejects.toMatchObject({
      name: 'NoSuchKey',
      $metadata: { httpStatusCode: 404 },
    });
  });
});
