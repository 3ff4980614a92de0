import { createHash, randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';

/** Bytes at the start of each object that make it differ from every other (its index, in ASCII). */
const STAMP_BYTES = 16;
/** Objects at least this big are sent as two slices of one shared buffer rather than copied. */
const SLICED_BODY_MIN_BYTES = 64 * 1024;

/**
 * The contents of N objects of one size without N buffers: one random buffer per size, each
 * object's first 16 bytes replaced by its index. A GET can then be checked against the exact
 * bytes its PUT sent.
 */
export class Payload {
  private readonly base: Buffer;

  constructor(readonly sizeBytes: number) {
    this.base = randomBytes(sizeBytes);
  }

  /** Object `index`'s first bytes (all of it when it is small). */
  head(index: number): Buffer {
    return Buffer.from(String(index).padStart(STAMP_BYTES, '0').slice(-STAMP_BYTES)).subarray(0, Math.min(STAMP_BYTES, this.sizeBytes));
  }

  /** Object `index`'s body: one buffer when small, else a stream of two slices (no 64 MiB copy per PUT). */
  body(index: number): Buffer | Readable {
    const head = this.head(index);
    const rest = this.base.subarray(head.length);
    if (this.sizeBytes < SLICED_BODY_MIN_BYTES) return Buffer.concat([head, rest], this.sizeBytes);
    return Readable.from([head, rest], { objectMode: false });
  }

  /** sha256 (hex) of object `index`'s exact bytes. */
  digest(index: number): string {
    const head = this.head(index);
    return createHash('sha256').update(head).update(this.base.subarray(head.length)).digest('hex');
  }
}
