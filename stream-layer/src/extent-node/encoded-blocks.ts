import { crc32c } from '@node-rs/crc32';
import { StreamError } from '../errors.js';
import { BLOCK_HEADER_BYTES } from '../limits.js';
import { decodeBlockHeader, FLAG_END_OF_APPEND, type BlockHeader } from './block-format.js';

/** One block found in encoded bytes: where it starts (from the first byte) and its payload's slices. */
export interface EncodedBlock {
  offset: number;
  header: BlockHeader;
  /** The payload as slices of the buffers it came in (no copy). */
  data: Buffer[];
}

/**
 * Walks blocks in their on-disk encoding spread over `parts` (arbitrary slices, as they came
 * off a socket), checking every header and every payload's CRC32C without copying a payload
 * byte. With `append`, the bytes must be exactly one append: whole blocks, only the last one
 * flagged as the end of the append. Throws CHECKSUM_MISMATCH for a payload whose CRC does not
 * match, INVALID_ARGUMENT for anything else malformed.
 */
export function walkEncodedBlocks(parts: readonly Buffer[], options: { append: boolean }): EncodedBlock[] {
  const cursor = new SliceCursor(parts);
  const blocks: EncodedBlock[] = [];
  while (cursor.remaining > 0) {
    const offset = cursor.position;
    if (cursor.remaining < BLOCK_HEADER_BYTES) throw new StreamError('INVALID_ARGUMENT', `a torn block header at ${offset}`);
    const header = decodeBlockHeader(Buffer.concat(cursor.take(BLOCK_HEADER_BYTES)));
    if (!header) throw new StreamError('INVALID_ARGUMENT', `no valid block header at ${offset}`);
    if (cursor.remaining < header.dataBytes) throw new StreamError('INVALID_ARGUMENT', `a block at ${offset} runs past the bytes sent`);
    const data = cursor.take(header.dataBytes);
    let crc = 0;
    for (const slice of data) crc = crc32c(slice, crc);
    if (crc >>> 0 !== header.dataCrc32c) throw new StreamError('CHECKSUM_MISMATCH', `the block at ${offset} does not match its checksum`);
    if (options.append) {
      const last = cursor.remaining === 0;
      if (last !== ((header.flags & FLAG_END_OF_APPEND) !== 0))
        throw new StreamError('INVALID_ARGUMENT', `the block at ${offset} ${last ? 'ends the bytes but not the append' : 'ends the append too early'}`);
    }
    blocks.push({ offset, header, data });
  }
  if (options.append && blocks.length === 0) throw new StreamError('INVALID_ARGUMENT', 'an append needs at least one block');
  return blocks;
}

/** Total bytes of `parts`. */
export function bytesOf(parts: readonly Buffer[]): number {
  let total = 0;
  for (const part of parts) total += part.length;
  return total;
}

/** Reads through a list of slices without joining them. */
class SliceCursor {
  private index = 0;
  private within = 0;
  position = 0;
  remaining: number;

  constructor(private readonly parts: readonly Buffer[]) {
    this.remaining = bytesOf(parts);
  }

  take(count: number): Buffer[] {
    const out: Buffer[] = [];
    let left = count;
    while (left > 0) {
      const part = this.parts[this.index]!;
      const available = part.length - this.within;
      if (available === 0) {
        this.index++;
        this.within = 0;
        continue;
      }
      const n = Math.min(available, left);
      out.push(part.subarray(this.within, this.within + n));
      this.within += n;
      left -= n;
    }
    this.position += count;
    this.remaining -= count;
    return out;
  }
}
