import { crc32c } from '@node-rs/crc32';
import { BLOCK_DATA_BYTES_MAX, BLOCK_HEADER_BYTES } from '../limits.js';

/**
 * A block on disk is a 16-byte header and its payload:
 *
 *   0  u16  magic 0x5342 ("SB")
 *   2  u16  flags (bit 0: last block of an append)
 *   4  u32  payload length
 *   8  u32  CRC32C of the payload
 *   12 u32  CRC32C of bytes 0..12 of the header
 *
 * All integers little-endian. The header's own checksum tells a torn or garbage header from a
 * real one, so recovery can find the end of the valid data without any other metadata; the
 * "last block" flag makes a multi-block append atomic: recovery cuts after the last block that
 * ends an append.
 */
export const BLOCK_MAGIC = 0x5342;
export const FLAG_END_OF_APPEND = 1;

export interface BlockHeader {
  flags: number;
  dataBytes: number;
  dataCrc32c: number;
}

export function encodeBlockHeader(header: BlockHeader): Buffer {
  const bytes = Buffer.allocUnsafe(BLOCK_HEADER_BYTES);
  bytes.writeUInt16LE(BLOCK_MAGIC, 0);
  bytes.writeUInt16LE(header.flags, 2);
  bytes.writeUInt32LE(header.dataBytes, 4);
  bytes.writeUInt32LE(header.dataCrc32c >>> 0, 8);
  bytes.writeUInt32LE(crc32c(bytes.subarray(0, 12)) >>> 0, 12);
  return bytes;
}

/** The header at the start of `bytes`, or undefined when it is not a whole, valid header. */
export function decodeBlockHeader(bytes: Buffer): BlockHeader | undefined {
  if (bytes.length < BLOCK_HEADER_BYTES) return undefined;
  if (bytes.readUInt16LE(0) !== BLOCK_MAGIC) return undefined;
  if (bytes.readUInt32LE(12) !== crc32c(bytes.subarray(0, 12)) >>> 0) return undefined;
  const dataBytes = bytes.readUInt32LE(4);
  if (dataBytes > BLOCK_DATA_BYTES_MAX) return undefined;
  return { flags: bytes.readUInt16LE(2), dataBytes, dataCrc32c: bytes.readUInt32LE(8) };
}

/**
 * A block's payload: one buffer, or the buffers it arrived in (an HTTP body's chunks), which are
 * written and sent as they are, never joined.
 */
export type BlockData = Buffer | readonly Buffer[];

/** The CRC32C of a payload, as stored in its header and sent with appends. */
export function blockChecksum(data: Uint8Array | readonly Buffer[]): number {
  if (data instanceof Uint8Array) return crc32c(data as Buffer) >>> 0;
  let crc = 0;
  for (const chunk of data) crc = crc32c(chunk, crc);
  return crc >>> 0;
}

/** Bytes of a payload. */
export function blockDataBytes(data: BlockData): number {
  return Buffer.isBuffer(data) ? data.length : data.reduce((sum, chunk) => sum + chunk.length, 0);
}

/** Bytes a block with `dataBytes` of payload takes on disk. */
export function blockDiskBytes(dataBytes: number): number {
  return BLOCK_HEADER_BYTES + dataBytes;
}

/**
 * The disk image of one append: each block's header and payload, the last block flagged as
 * the end of the append.
 */
export function encodeAppend(blocks: readonly { data: BlockData; crc32c: number }[]): Buffer[] {
  const parts: Buffer[] = [];
  blocks.forEach((block, i) => {
    const flags = i === blocks.length - 1 ? FLAG_END_OF_APPEND : 0;
    parts.push(encodeBlockHeader({ flags, dataBytes: blockDataBytes(block.data), dataCrc32c: block.crc32c }));
    if (Buffer.isBuffer(block.data)) parts.push(block.data);
    else parts.push(...block.data);
  });
  return parts;
}
