import { BLOCK_HEADER_BYTES } from '../limits.js';
import { blockChecksum, decodeBlockHeader, type BlockHeader } from './block-format.js';
import type { ReplicaFileHandle } from './replica-disk.js';

/** Bytes read from disk at a time when walking blocks: one blob block with its header, so a
 * walk over blob blocks reads each block, whole, into its own buffer. */
const READ_WINDOW_BYTES = 1024 * 1024 + BLOCK_HEADER_BYTES;

export interface ScannedBlock {
  kind: 'block';
  offset: number;
  header: BlockHeader;
  data: Buffer;
}

/** Where and why a walk stopped before `end`. */
export interface ScanStop {
  kind: 'stop';
  offset: number;
  reason: 'bad-header' | 'bad-checksum' | 'truncated';
}

/**
 * Walks the blocks of a file in [start, end), checking every header and payload checksum.
 * Yields each whole valid block, then one {@link ScanStop} if the walk ends early. Payloads are
 * views of freshly read buffers, never reused, so a consumer may keep them.
 */
export async function* scanBlocks(handle: Pick<ReplicaFileHandle, 'read'>, start: number, end: number): AsyncGenerator<ScannedBlock | ScanStop> {
  let buffer = Buffer.alloc(0);
  let bufferStart = start;
  let position = start;

  // Makes at least `needed` bytes from `position` available; false at end of file. A read
  // starts a new buffer at `position` sized for what is needed (and the next header) or a
  // window, whichever is larger; only the bytes already held past `position` (usually just a
  // header) move into it. So a block is read at its offset into one buffer, and its payload is
  // a view of that buffer, not a concatenation of windows.
  const fill = async (needed: number): Promise<boolean> => {
    const held = bufferStart + buffer.length - position;
    if (held >= needed) return true;
    const size = Math.min(Math.max(needed + BLOCK_HEADER_BYTES, READ_WINDOW_BYTES), end - position);
    if (size < needed) return false;
    const next = Buffer.allocUnsafe(size);
    buffer.copy(next, 0, position - bufferStart);
    let filled = held;
    while (filled < size) {
      const { bytesRead } = await handle.read(next, filled, size - filled, position + filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    buffer = next.subarray(0, filled);
    bufferStart = position;
    return filled >= needed;
  };

  while (position < end) {
    if (!(await fill(BLOCK_HEADER_BYTES))) {
      yield { kind: 'stop', offset: position, reason: 'truncated' };
      return;
    }
    const at = position - bufferStart;
    const header = decodeBlockHeader(buffer.subarray(at, at + BLOCK_HEADER_BYTES));
    if (!header) {
      yield { kind: 'stop', offset: position, reason: 'bad-header' };
      return;
    }
    const diskBytes = BLOCK_HEADER_BYTES + header.dataBytes;
    if (position + diskBytes > end || !(await fill(diskBytes))) {
      yield { kind: 'stop', offset: position, reason: 'truncated' };
      return;
    }
    const dataStart = position - bufferStart + BLOCK_HEADER_BYTES;
    const data = buffer.subarray(dataStart, dataStart + header.dataBytes);
    if (blockChecksum(data) !== header.dataCrc32c) {
      yield { kind: 'stop', offset: position, reason: 'bad-checksum' };
      return;
    }
    yield { kind: 'block', offset: position, header, data };
    position += diskBytes;
  }
}
