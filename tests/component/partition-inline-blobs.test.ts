import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type * as grpc from '@grpc/grpc-js';
import { CallPool, systemClock } from '@strata/common';
import { partitionServerProto, type partitionV1 } from '@strata/protos';
import { OneServerStamp } from '../helpers/one-server-stamp.js';

const INLINE_MAX = 64 * 1024;

describe('small blobs inside their commit record (in-process stamp)', () => {
  const one = new OneServerStamp();
  afterEach(() => one.stop());

  /** Bytes the partition's data stream holds, over all its extents. */
  async function dataStreamBytes(): Promise<number> {
    const partition = (await one.client.partition('p-1'))!;
    const stream = await one.client.streams.getStream(partition.streams!.dataStreamId);
    return stream.extents.reduce((sum, extent) => sum + Number(extent.sealed ? extent.sealedLengthBytes : extent.lengthBytes), 0);
  }

  it('keeps a blob up to the threshold in its record (nothing appended to the data stream), a larger one in blocks; both survive a reload', async () => {
    const client = await one.start({ container: 'box' });
    const small = randomBytes(4096);
    const edge = randomBytes(INLINE_MAX);
    const large = randomBytes(INLINE_MAX + 1);
    for (const [blob, bytes] of [
      ['small', small],
      ['edge', edge],
    ] as const) {
      await client.put('box', blob, bytes);
      const record = (await client.client.getBlob({ account: client.account, container: 'box', blob })).record!;
      expect(record.blocks, blob).toEqual([]);
      expect(Buffer.from(record.inlineData).equals(bytes), blob).toBe(true);
    }
    expect(await dataStreamBytes(), 'no data append for blobs in their records').toBe(0);

    await client.put('box', 'large', large);
    const largeRecord = (await client.client.getBlob({ account: client.account, container: 'box', blob: 'large' })).record!;
    expect(largeRecord.inlineData.length).toBe(0);
    expect(largeRecord.blocks.reduce((sum, block) => sum + block.dataBytes, 0)).toBe(large.length);

    // A reload replays the log (and checkpoints): the bytes come back from the records.
    await one.serve();
    const again = (await client.client.getBlob({ account: client.account, container: 'box', blob: 'small' })).record!;
    expect(Buffer.from(again.inlineData).equals(small)).toBe(true);
  });

  it('takes a small blob whole in one call over the call transport, and refuses one that is not whole or too big', async () => {
    const client = await one.start({ container: 'box' });
    const callAddress = client.map.locate(Buffer.from(client.account))?.callAddress;
    expect(callAddress, 'the partition server registers its call address').toMatch(/^127\.0\.0\.1:\d+$/);
    const calls = new CallPool(systemClock);
    const method = partitionServerProto().PartitionServer.service.PutSmallBlob as grpc.MethodDefinition<
      partitionV1.PutSmallBlobRequest,
      partitionV1.BlobInfo__Output
    >;
    const putSmall = (request: partitionV1.PutSmallBlobRequest) => calls.unary(callAddress!, method, request, { timeoutMs: 10_000 });
    const header = (blob: string, container = 'box'): partitionV1.PutBlobHeader => ({ account: one.client.account, container, blob });
    const commitOf = (bytes: Buffer): partitionV1.PutBlobCommit => ({ sizeBytes: bytes.length, contentMd5: createHash('md5').update(bytes).digest() });
    try {
      const bytes = randomBytes(1000);
      const stored = await putSmall({ header: header('whole'), data: bytes, commit: commitOf(bytes) });
      expect(stored.record!.etag).toBe(createHash('md5').update(bytes).digest('hex'));
      expect(Buffer.from((await client.client.getBlob({ account: client.account, container: 'box', blob: 'whole' })).record!.inlineData)).toEqual(bytes);

      // Each bad request gets its typed error, and nothing is stored.
      const tooBig = randomBytes(INLINE_MAX + 1);
      await expect(putSmall({ header: header('too-big'), data: tooBig, commit: commitOf(tooBig) })).rejects.toMatchObject({
        code: 'INVALID_ARGUMENT',
        message: expect.stringContaining(`at most ${INLINE_MAX} bytes`),
      });
      await expect(putSmall({ header: header('no-commit'), data: bytes })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
      await expect(putSmall({ header: header('short-count'), data: bytes, commit: { ...commitOf(bytes), sizeBytes: 999 } })).rejects.toMatchObject({
        code: 'SIZE_MISMATCH',
      });
      await expect(putSmall({ header: header('no-box', 'missing'), data: bytes, commit: commitOf(bytes) })).rejects.toMatchObject({
        code: 'NO_SUCH_CONTAINER',
      });
      for (const blob of ['too-big', 'no-commit', 'short-count']) expect(await client.etagOf('box', blob), blob).toBeUndefined();
    } finally {
      calls.close();
    }
  });
});
