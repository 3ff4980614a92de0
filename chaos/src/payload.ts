import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { SeededRandom } from './seeded-random.js';

/** The largest object the load writes: the 16 MiB. */
export const PUT_BYTES_MAX = 16 * 1024 * 1024;

/** The bytes of one PUT: a head naming its write, then a window of the run's random bytes. */
export interface PutBody {
  sizeBytes: number;
  sha256: string;
  md5: string;
  /** A fresh stream of the same bytes each call (a retry needs its own). */
  stream(): Readable;
}

/**
 * Bodies for every PUT of a run from one buffer of seeded random bytes: object `w` starts with
 * its write id (so every value differs from every other) and goes on with the buffer from an
 * offset of its own. No 16 MiB copy per PUT: the body streams as two slices.
 */
export class PayloadSource {
  private readonly base: Buffer;

  constructor(seed: number) {
    this.base = new SeededRandom(seed, 'payload').bytes(PUT_BYTES_MAX);
  }

  body(writeId: string, sizeBytes: number): PutBody {
    if (!Number.isInteger(sizeBytes) || sizeBytes < 0 || sizeBytes > PUT_BYTES_MAX) throw new RangeError(`a body of ${sizeBytes} bytes`);
    const head = Buffer.from(`${writeId}:`).subarray(0, sizeBytes);
    const restBytes = sizeBytes - head.length;
    const offset = offsetOf(writeId, this.base.length - restBytes);
    const rest = this.base.subarray(offset, offset + restBytes);
    const sha256 = createHash('sha256').update(head).update(rest).digest('hex');
    const md5 = createHash('md5').update(head).update(rest).digest('hex');
    return {
      sizeBytes,
      sha256,
      md5,
      stream: () => Readable.from(sizeBytes === 0 ? [] : [head, rest].filter((part) => part.length > 0), { objectMode: false }),
    };
  }
}

/** A write's offset into the buffer, spread by a hash of its id. */
function offsetOf(writeId: string, span: number): number {
  if (span <= 0) return 0;
  return createHash('sha256').update(writeId).digest().readUInt32BE(0) % (span + 1);
}
