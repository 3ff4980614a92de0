import type { partitionV1, streamV1 } from '@strata/protos';
import { BLOCK_HEADER_BYTES } from '@strata/stream-layer';
import { blobRecordCodec, partRecordCodec } from '../records.js';

/** The separator of the index key space (see keys.ts). */
const SEP = 0;

/**
 * What an index key holds, by its separators (see keys.ts): one for a container, two for a
 * blob, three for a multipart upload or (when "\1" follows the third) a noncurrent version of
 * a blob, four for one of an upload's parts. Only blobs, their versions and parts point at
 * blocks: a noncurrent version holds its blocks until it is deleted.
 */
function kindOf(key: Buffer): 'blob' | 'part' | 'other' {
  let separators = 0;
  let last = -1;
  for (let i = 0; i < key.length; i++) {
    if (key[i] !== SEP) continue;
    separators++;
    last = i;
  }
  if (separators === 3) return key[last + 1] === VERSION_MARK ? 'blob' : 'other';
  return separators === 2 ? 'blob' : separators === 4 ? 'part' : 'other';
}

/** The byte after a noncurrent version key's third separator (keys.ts). */
const VERSION_MARK = 1;

/**
 * The block pointers an index entry holds, in order. Every kind of record that points at
 * blocks must be handled here (and in `withPointers`): space reclamation counts, compacts and
 * protects exactly the pointers this returns, so a record kind it missed would lose its bytes.
 */
export function pointersOf(key: Buffer, value: Buffer): streamV1.BlockPointer__Output[] {
  const kind = kindOf(key);
  if (kind === 'blob') return blobRecordCodec.decode(value).blocks;
  if (kind === 'part') return partRecordCodec.decode(value).blocks;
  return [];
}

/** The same entry with its pointers replaced, one for one (a compaction moved its blocks). */
export function withPointers(key: Buffer, value: Buffer, pointers: readonly streamV1.BlockPointer[]): Buffer {
  if (pointersOf(key, value).length !== pointers.length) {
    throw new Error(`a rewrite of ${key.toString('hex')} changed its number of blocks`);
  }
  if (kindOf(key) === 'part') return partRecordCodec.encode({ ...(partRecordCodec.decode(value) as partitionV1.PartRecord), blocks: [...pointers] });
  return blobRecordCodec.encode({ ...(blobRecordCodec.decode(value) as partitionV1.BlobRecord), blocks: [...pointers] });
}

/** Bytes a pointer's block takes in its extent. */
export function blockBytes(pointer: streamV1.BlockPointer__Output | streamV1.BlockPointer): number {
  return BLOCK_HEADER_BYTES + Number(pointer.dataBytes);
}
