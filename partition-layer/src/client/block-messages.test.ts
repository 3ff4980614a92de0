import { randomBytes } from 'node:crypto';
import { partitionServerProto, type partitionV1 } from '@strata/protos';
import { describe, expect, it } from 'vitest';
import { blocksOf, ChunkedData, withChunkedData, type BlockItem } from './block-messages.js';

const putBlob = partitionServerProto().PartitionServer.service.PutBlob;
const uploadPart = partitionServerProto().PartitionServer.service.UploadPart;

async function collect<Other>(source: (Buffer | Other)[], size: number): Promise<BlockItem<Other>[]> {
  const items: BlockItem<Other>[] = [];
  for await (const item of blocksOf(
    (async function* () {
      yield* source;
    })(),
    size,
  ))
    items.push(item);
  return items;
}

const joined = (item: BlockItem<unknown>): Buffer => ('data' in item ? Buffer.concat(item.data.chunks as Buffer[]) : Buffer.alloc(0));

describe('block messages', () => {
  it('cut a byte stream into blocks of the size (the last shorter) without copying a byte', async () => {
    const body = randomBytes(10 * 7 + 3);
    const chunks = [body.subarray(0, 7), body.subarray(7, 30), body.subarray(30, 31), body.subarray(31)];
    const items = await collect(chunks, 10);
    expect(items.map((item) => ('data' in item ? item.data.bytes : -1))).toEqual([10, 10, 10, 10, 10, 10, 10, 3]);
    expect(Buffer.concat(items.map(joined)).equals(body)).toBe(true);
    // Every chunk of a block is a view of the source's memory, not a copy of it.
    for (const item of items) for (const chunk of 'data' in item ? item.data.chunks : []) expect(chunk.buffer).toBe(body.buffer);
    expect(await collect([], 10)).toEqual([]);
    expect(await collect([Buffer.alloc(0)], 10)).toEqual([]);
  });

  it('pass other items through in order, after the bytes before them as a shorter block', async () => {
    const run = { blocks: ['stored'] };
    const items = await collect<typeof run>([Buffer.from('abcdefghijkl'), run, Buffer.from('xyz')], 5);
    expect(items.map((item) => ('data' in item ? joined(item).toString() : item.other))).toEqual(['abcde', 'fghij', 'kl', run, 'xyz']);
  });

  it('encode a block as the generated serializer encodes { data } of the joined bytes, at every varint length', () => {
    const serialize = withChunkedData<partitionV1.PutBlobRequest>(putBlob.requestSerialize);
    for (const size of [0, 1, 127, 128, 16_383, 16_384, 1024 * 1024, 2_097_152 + 5]) {
      const body = randomBytes(size);
      const chunks = [body.subarray(0, Math.floor(size / 3)), body.subarray(Math.floor(size / 3))];
      const encoded = serialize(new ChunkedData(chunks, size));
      expect(encoded.equals(putBlob.requestSerialize({ data: body })), `size ${size}`).toBe(true);
      const decoded = uploadPart.requestDeserialize(withChunkedData<partitionV1.UploadPartRequest>(uploadPart.requestSerialize)(new ChunkedData(chunks, size)));
      expect(decoded.part).toBe('data');
      expect(decoded.data?.equals(body)).toBe(true);
    }
    // Every other message goes to the generated serializer.
    const header: partitionV1.PutBlobRequest = { header: { account: 'a', container: 'c', blob: 'b' } };
    expect(serialize(header).equals(putBlob.requestSerialize(header))).toBe(true);
  });
});
