import type { PartSegment } from '@strata/partition-layer';
import type { partitionV1, streamV1 } from '@strata/protos';
import type { ExtentReader } from '@strata/stream-layer';

/**
 * The bytes [first, last] of a stored blob as part segments: the blocks the range covers
 * whole are referenced (no byte moves); a block the range cuts is read and only its bytes in
 * the range are sent, to be written again as a new, shorter block. So a ranged copy reads and
 * writes at most two blocks, whatever its size. (A block pointer cannot name part of a block:
 * the block is the unit of checksum and read.)
 */
export async function* rangeSegments(options: {
  source: partitionV1.BlobInfo__Output;
  first: number;
  last: number;
  reader: ExtentReader;
  requestId: string;
}): AsyncGenerator<PartSegment> {
  const end = options.last + 1;
  // A small blob's bytes are in its record: the range's bytes are sent, to be written as a block.
  const inline = options.source.record!.inlineData;
  if (inline && inline.length > 0) {
    yield inline.subarray(options.first, end);
    return;
  }
  const extents = new Map(options.source.extents.map((extent) => [extent.extentId, extent]));
  let run: streamV1.BlockPointer__Output[] = [];
  let start = 0;
  for (const block of options.source.record!.blocks) {
    const blockEnd = start + block.dataBytes;
    if (blockEnd > options.first && start < end) {
      if (start >= options.first && blockEnd <= end) {
        run.push(block);
      } else {
        if (run.length > 0) yield { blocks: run };
        run = [];
        const bytes: Buffer[] = [];
        for await (const data of options.reader.readPointers({ pointers: [block], extents, requestId: options.requestId })) bytes.push(data);
        yield Buffer.concat(bytes).subarray(Math.max(options.first - start, 0), Math.min(end, blockEnd) - start);
      }
    }
    start = blockEnd;
    if (start >= end) break;
  }
  if (run.length > 0) yield { blocks: run };
}
