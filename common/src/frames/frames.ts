import type { Socket } from 'node:net';
import { assert, rethrowIfAssertion } from '../assert.js';

/**
 * The framing of Strata's binary transports over plain TCP (the stream layer's block transport,
 * the call transport): every message on a connection is a 16-byte header, a small meta part,
 * then the payload:
 *
 *   0  u16  magic 0x5354 ("ST")
 *   2  u8   frame type (each transport has its own codes)
 *   3  u8   reserved (0)
 *   4  u32  stream id (the client picks it; one connection carries many streams)
 *   8  u32  meta bytes
 *   12 u32  payload bytes
 *
 * Little-endian. The payload is never decoded or copied by the framing: a receiver gets it as
 * the slices of the socket chunks it arrived in (a chain node forwards those slices as they are).
 */
export const FRAME_MAGIC = 0x5354;
export const FRAME_HEADER_BYTES = 16;

/** Largest meta part: meta is small control data, never bytes of a blob. */
export const FRAME_META_BYTES_MAX = 4096;
/** Largest payload: one append of the block transport (APPEND_BYTES_MAX) or one read piece, with room. */
export const FRAME_PAYLOAD_BYTES_MAX = 16 * 1024 * 1024;

export interface Frame {
  type: number;
  streamId: number;
  meta: Buffer;
  /** The payload as the slices it arrived in (empty when there is none). */
  payload: Buffer[];
  payloadBytes: number;
}

/** The header (and meta) of a frame: the payload is written after it as it is. */
export function frameHead(type: number, streamId: number, meta: Buffer, payloadBytes: number): Buffer {
  assert(meta.length <= FRAME_META_BYTES_MAX, `frame meta of ${meta.length} bytes`);
  assert(payloadBytes <= FRAME_PAYLOAD_BYTES_MAX, `frame payload of ${payloadBytes} bytes`);
  const head = Buffer.allocUnsafe(FRAME_HEADER_BYTES + meta.length);
  head.writeUInt16LE(FRAME_MAGIC, 0);
  head.writeUInt8(type, 2);
  head.writeUInt8(0, 3);
  head.writeUInt32LE(streamId >>> 0, 4);
  head.writeUInt32LE(meta.length, 8);
  head.writeUInt32LE(payloadBytes, 12);
  meta.copy(head, FRAME_HEADER_BYTES);
  return head;
}

export const jsonMeta = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));
export const parseJsonMeta = <T>(meta: Buffer): T => JSON.parse(meta.toString('utf8')) as T;

/** Meta of u64 numbers (offsets): each below 2^53. */
export function numbersMeta(...values: number[]): Buffer {
  const meta = Buffer.allocUnsafe(8 * values.length);
  values.forEach((value, i) => meta.writeBigUInt64LE(BigInt(value), i * 8));
  return meta;
}

export function parseNumbersMeta(meta: Buffer, count: number): number[] {
  if (meta.length !== 8 * count) throw new FrameError(`expected ${count} numbers in meta, got ${meta.length} bytes`);
  return Array.from({ length: count }, (_, i) => Number(meta.readBigUInt64LE(i * 8)));
}

/** A connection's bytes do not make frames: the connection is closed. */
export class FrameError extends Error {
  override readonly name = 'FrameError';
}

/**
 * Cuts a connection's byte stream into frames. Header and meta are copied (a few bytes);
 * payloads are handed on as slices of the chunks they arrived in, never concatenated.
 */
export class FrameReader {
  private chunks: Buffer[] = [];
  private buffered = 0;
  private head: { type: number; streamId: number; metaBytes: number; payloadBytes: number } | undefined;

  constructor(private readonly onFrame: (frame: Frame) => void) {}

  /** Takes the next chunk from the socket; calls onFrame for every frame it completes. Throws FrameError on garbage. */
  push(chunk: Buffer): void {
    if (chunk.length === 0) return;
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    for (;;) {
      if (!this.head) {
        if (this.buffered < FRAME_HEADER_BYTES) return;
        const bytes = this.take(FRAME_HEADER_BYTES);
        const header = bytes.length === 1 ? bytes[0]! : Buffer.concat(bytes);
        if (header.readUInt16LE(0) !== FRAME_MAGIC) throw new FrameError('bad frame magic');
        const metaBytes = header.readUInt32LE(8);
        const payloadBytes = header.readUInt32LE(12);
        if (metaBytes > FRAME_META_BYTES_MAX) throw new FrameError(`frame meta of ${metaBytes} bytes`);
        if (payloadBytes > FRAME_PAYLOAD_BYTES_MAX) throw new FrameError(`frame payload of ${payloadBytes} bytes`);
        this.head = { type: header.readUInt8(2), streamId: header.readUInt32LE(4), metaBytes, payloadBytes };
      }
      const { metaBytes, payloadBytes } = this.head;
      if (this.buffered < metaBytes + payloadBytes) return;
      const metaParts = this.take(metaBytes);
      const meta = metaParts.length === 1 ? metaParts[0]! : Buffer.concat(metaParts);
      const payload = this.take(payloadBytes);
      const frame: Frame = { type: this.head.type, streamId: this.head.streamId, meta, payload, payloadBytes };
      this.head = undefined;
      this.onFrame(frame);
    }
  }

  /** The next `count` buffered bytes, as slices of the chunks. */
  private take(count: number): Buffer[] {
    const out: Buffer[] = [];
    let left = count;
    while (left > 0) {
      const first = this.chunks[0]!;
      if (first.length <= left) {
        out.push(first);
        this.chunks.shift();
        left -= first.length;
      } else {
        out.push(first.subarray(0, left));
        this.chunks[0] = first.subarray(left);
        left = 0;
      }
    }
    this.buffered -= count;
    return out;
  }
}

/**
 * Feeds a socket's bytes to `reader`. Bytes that are not frames (or frames its callback cannot
 * take: it throws) go to `onBadBytes`, which ends the connection; an assertion failure is
 * never caught.
 */
export function feedFrames(socket: Socket, reader: FrameReader, onBadBytes: (error: Error) => void): void {
  socket.on('data', (chunk: Buffer) => {
    try {
      reader.push(chunk);
    } catch (error) {
      rethrowIfAssertion(error);
      onBadBytes(error instanceof Error ? error : new Error(String(error)));
    }
  });
}
