import { describe, expect, it } from 'vitest';
import { parseByteRange } from './byte-range.js';
import { S3Error } from './errors.js';

describe('parseByteRange', () => {
  it('reads bytes=a-b, a- and -n, cutting an end past the object', () => {
    expect(parseByteRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseByteRange('bytes=900-', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
    expect(parseByteRange('bytes=990-5000', 1000)).toEqual({ start: 990, end: 999 });
  });

  it('answers the whole of an empty object to its last n bytes (200), as S3 does', () => {
    expect(parseByteRange('bytes=-1', 0)).toBeUndefined();
    expect(parseByteRange('bytes=-1048576', 0)).toBeUndefined();
  });

  it('ignores what S3 ignores: no header, malformed, several ranges, end before start', () => {
    for (const header of [undefined, 'bytes=', 'bytes=-', 'items=0-1', 'bytes=a-b', 'bytes=0-1,5-6', 'bytes=10-5']) {
      expect(parseByteRange(header, 1000)).toBeUndefined();
    }
  });

  it('answers 416 InvalidRange with Content-Range bytes */size past the end, and for the last 0 bytes', () => {
    for (const [header, size] of [
      ['bytes=1000-', 1000],
      ['bytes=5000-6000', 1000],
      ['bytes=-0', 1000],
      // Every range that starts somewhere is past the end of an empty object: 416, as S3 answers.
      ['bytes=0-', 0],
      ['bytes=0-0', 0],
      ['bytes=0-1048575', 0],
      ['bytes=40-50', 0],
      ['bytes=-0', 0],
    ] as const) {
      try {
        parseByteRange(header, size);
        expect.unreachable(`${header} on ${size} bytes`);
      } catch (error) {
        expect(error).toBeInstanceOf(S3Error);
        expect((error as S3Error).code).toBe('InvalidRange');
        expect((error as S3Error).httpStatus).toBe(416);
        expect((error as S3Error).responseHeaders['content-range']).toBe(`bytes */${size}`);
      }
    }
  });
});
