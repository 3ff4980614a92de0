import type { partitionV1, streamV1 } from '@strata/protos';
import { BLOCK_HEADER_BYTES } from '@strata/stream-layer';
import { blobRecordCodec } from '../records.js';

/** The separator of the index key space (see keys.ts): a blob key holds two, a container key one. */
const SEP = 0;

/**
 * The block pointers an index entry holds, in order. Every kind of record that points at
 * blocks must be handled here (and in `withPointers`): space reclamation counts, compacts and
 * protects exactly the pointers this returns, so a record kind it missed would lose its bytes.
 */
export function pointersOf(key: Buffer, value: Buffer): streamV1.BlockPointer__Output[] {
  const first = key.indexOf(SEP);
  if (first < 0 || key.indexOf(SEP, first + 1) < 0) return [];
  return blobRecordCodec.decode(value).blocks;
}

/** The same entry with its pointers replaced, one for one (a compaction moved its blocks). */
export function withPointers(key: Buffer, value: Buffer, pointers: readonly streamV1.BlockPointer[]): Buffer {
  const record: partitionV1.BlobRecord = blobRecordCodec.decode(value);
  if ((record.blocks ?? []).length !== pointers.length || pointersOf(key, value).length !== pointers.length) {
    throw new Error(`a rewrite of ${key.toString('hex')} changed its number of blocks`);
  }
  return blobRecordCodec.encode({ ...record, blocks: [...pointers] });
}

/** Bytes a pointer's block takes in its extent. */
export function blockBytes(pointer: streamV1.BlockPointer__Output | streamV1.BlockPointer): number {
  return BLOCK_HEADER_BYTES + Number(pointer.dataBytes);
}
