import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { blocksOf, type BlockItem } from './block-cutter.js';

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

describe('block cutter', () => {
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
});
