/**
 * The bytes of one block of an upload as the source's chunks (HTTP reads of ~64 KiB), not yet
 * joined: a stream writer appends the chunks as they are, and the partition layer's upload
 * messages encode them straight into the message, so no byte is copied to join a block.
 */
export class ChunkedData {
  constructor(
    readonly chunks: readonly Buffer[],
    readonly bytes: number,
  ) {}
}

/** What {@link blocksOf} yields: a block's bytes, or an item of the source that is not bytes. */
export type BlockItem<Other> = { data: ChunkedData } | { other: Other };

/**
 * Regroups a stream of byte chunks into blocks of `size` bytes, each a list of the source's
 * chunks (cut with `subarray` where a block ends inside one, never copied), so that one append
 * (or one upload message) carries one block. Items that are not Buffers (runs of stored blocks) pass through
 * in order, after the bytes before them as a shorter block; the last block may be short.
 */
export async function* blocksOf<Other>(source: AsyncIterable<Buffer | Other>, size: number): AsyncGenerator<BlockItem<Other>> {
  let chunks: Buffer[] = [];
  let bytes = 0;
  for await (const item of source) {
    if (!Buffer.isBuffer(item)) {
      if (bytes > 0) yield { data: new ChunkedData(chunks, bytes) };
      chunks = [];
      bytes = 0;
      yield { other: item };
      continue;
    }
    let rest: Buffer = item;
    while (rest.length > 0) {
      const taken = rest.length <= size - bytes ? rest : rest.subarray(0, size - bytes);
      chunks.push(taken);
      bytes += taken.length;
      rest = rest.subarray(taken.length);
      if (bytes === size) {
        yield { data: new ChunkedData(chunks, bytes) };
        chunks = [];
        bytes = 0;
      }
    }
  }
  if (bytes > 0) yield { data: new ChunkedData(chunks, bytes) };
}
