import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '@strata/common/testing';
import { InProcessStamp } from '../helpers/in-process-stamp.js';
import { PartitionTestClient, startCapturedServer, type CapturedServer, QUIET_MANAGER } from '../helpers/partition-in-process.js';

const INLINE_MAX = 64 * 1024;

describe('small blobs inside their commit record (in-process stamp)', () => {
  let stamp: InProcessStamp | undefined;
  let server: CapturedServer | undefined;
  let client: PartitionTestClient | undefined;
  afterEach(async () => {
    await client?.close();
    await server?.stop();
    await stamp?.stop();
    stamp = server = client = undefined;
  });

  async function serve(): Promise<CapturedServer> {
    server = await startCapturedServer(stamp!, 'ps-1');
    const started = server;
    await waitFor('ps-1 to serve p-1', () => started.log.find('partition serving').length > 0, { timeoutMs: 20_000 });
    return started;
  }

  /** Bytes the partition's data stream holds, over all its extents. */
  async function dataStreamBytes(): Promise<number> {
    const partition = (await client!.partition('p-1'))!;
    const stream = await client!.streams.getStream(partition.streams!.dataStreamId);
    return stream.extents.reduce((sum, extent) => sum + Number(extent.sealed ? extent.sealedLengthBytes : extent.lengthBytes), 0);
  }

  it('keeps a blob up to the threshold in its record (nothing appended to the data stream), a larger one in blocks; both survive a reload', async () => {
    stamp = await InProcessStamp.start({ partitionManagers: 1, args: { 'partition-manager': QUIET_MANAGER } });
    await serve();
    client = await PartitionTestClient.open(stamp);
    await client.client.createContainer({ account: client.account, container: 'box' });
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
    await server!.stop();
    await serve();
    const again = (await client.client.getBlob({ account: client.account, container: 'box', blob: 'small' })).record!;
    expect(Buffer.from(again.inlineData).equals(small)).toBe(true);
  });
});
