import { S3Error } from './errors.js';

/** One satisfiable byte range of an object: bytes [start, end], inclusive as HTTP has it. */
export interface ByteRange {
  start: number;
  end: number;
}

const SINGLE_RANGE = /^bytes=(\d*)-(\d*)$/;

/**
 * The range a GET's `Range` header asks of an object of `size` bytes, as S3 reads it:
 * `bytes=a-b`, `bytes=a-` and `bytes=-n` (the last n bytes); an end past the object is cut to
 * it. A header S3 would ignore (malformed, or several ranges, which S3 does not serve) gives
 * undefined: the whole object, 200. So does `bytes=-n` of an empty object: its last n bytes
 * are all of it (RFC 9110 14.1.1), and S3 answers it.
 * @throws S3Error InvalidRange (416) when the range starts at or past the end of the object
 *   (any `bytes=a-` or `bytes=a-b` of an empty object: S3 answers those 416 too), or asks for
 *   the last 0 bytes; the answer carries `Content-Range: bytes * /size`.
 */
export function parseByteRange(header: string | undefined, size: number): ByteRange | undefined {
  if (header === undefined) return undefined;
  const match = SINGLE_RANGE.exec(header.trim());
  if (!match) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) throw invalidRange(size);
    if (size === 0) return undefined;
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Number(last);
  if (last !== '' && end < start) return undefined;
  if (start >= size) throw invalidRange(size);
  return { start, end: Math.min(end, size - 1) };
}

function invalidRange(size: number): S3Error {
  return new S3Error('InvalidRange', 'The requested range is not satisfiable', { actualObjectSize: size }).withHeaders({ 'content-range': `bytes */${size}` });
}
