import { frameHead as genericFrameHead } from '@strata/common';

/**
 * The block transport's frame types (the framing itself is `@strata/common`'s frames: a
 * 16-byte header, a small meta part, then the payload, blob bytes in their on-disk block
 * format, never decoded or copied on the way).
 */
export const FrameType = {
  /** c→s: opens an append session; meta JSON {extentId, requestId?}. */
  OpenAppend: 1,
  /** c→s: one append; meta u64 offset; payload the append's blocks as on disk. */
  Append: 2,
  /** s→c: one acknowledgement; meta u64 offset, u64 end. */
  Ack: 3,
  /** c→s: no more appends (the server closes once everything is acknowledged). */
  End: 4,
  /** s→c: the stream ended normally. */
  Close: 5,
  /** either way: the stream failed; meta JSON {code, message}. Ends the stream. */
  Error: 6,
  /** c→s: the client abandons the stream. */
  Cancel: 7,
  /** c→s: a read; meta JSON {extentId, offset, lengthBytes, requestId?}. */
  Read: 8,
  /** s→c: bytes of a read; meta u64 offset; payload whole blocks as on disk. */
  Data: 9,
  /** s→c: the read needs more credit before it sends on (flow control is by TCP). Reserved. */
  Reserved: 10,
} as const;
export type FrameTypeCode = (typeof FrameType)[keyof typeof FrameType];

/** The header (and meta) of a block-transport frame: the payload is written after it as it is. */
export function frameHead(type: FrameTypeCode, streamId: number, meta: Buffer, payloadBytes: number): Buffer {
  return genericFrameHead(type, streamId, meta, payloadBytes);
}

export { FrameError, FrameReader, feedFrames, jsonMeta, numbersMeta, parseJsonMeta, parseNumbersMeta, type Frame } from '@strata/common';
