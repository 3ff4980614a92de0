import type { FileHandle } from 'node:fs/promises';
import { BLOCK_HEADER_BYTES } from '../limits.js';
import { blockChecksum, decodeBlockHeader, type BlockHeader } from './block-format.js';

/** Bytes read from disk at a time when walking blocks. */
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
export async function* scanBlocks(handle: FileHandle, start: number, end: number): AsyncGenerator<ScannedBlock | ScanStop> {
  let buffer = Buffer.alloc(0);
  let bufferStart = start;
  let position = start;

  // Makes at least `needed` bytes from `position` available; false at end of file.
  const fill = async (needed: number): Promise<boolean> => {
    while (bufferStart + buffer.length - position < needed) {
      const fileEnd = bufferStart + buffer.length;
      const readBytes = Math.min(Math.max(needed - (fileEnd - position), READ_WINDOW_BYTES), end - fileEnd);
      if (readBytes <= 0) return false;
      const chunk = Buffer.allocUnsafe(readBytes);
      const { bytesRead } = await handle.read(chunk, 0, readBytes, fileEnd);
      if (bytesRead === 0) return false;
      buffer = Buffer.concat([buffer.subarray(position - bufferStart), chunk.subarray(0, bytesRead)]);
      bufferStart = position;
    }
    return true;
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
