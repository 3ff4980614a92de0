import { describe, expect, it } from 'vitest';
import { parseCompleteRequest } from './complete-request.js';

/** A CompleteMultipartUpload root element as readXmlBody gives it (entities decoded, Part always an array). */
const root = (...parts: unknown[]): Record<string, unknown> => ({ Part: parts });
const part = (number: string, etag: string, extra: Record<string, string> = {}): Record<string, string> => ({ PartNumber: number, ETag: etag, ...extra });
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'none';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('parseCompleteRequest', () => {
  it('reads part numbers, ETags (quoted or bare) and checksums in order', () => {
    const parts = parseCompleteRequest(root(part('1', '"aa"'), part(' 2 ', ' "bb" ', { ChecksumCRC32: 'AAAAAA==' }), part('10', 'cc')));
    expect(parts).toEqual([
      { partNumber: 1, etag: 'aa', checksums: {} },
      { partNumber: 2, etag: 'bb', checksums: { crc32: 'AAAAAA==' } },
      { partNumber: 10, etag: 'cc', checksums: {} },
    ]);
  });

  it('refuses what is not the list the operation takes: MalformedXML', () => {
    const bad: Record<string, unknown>[] = [
      {},
      { Part: [] },
      root('text'),
      root({ PartNumber: '1' }),
      root(part('x', 'a')),
      root(part('-1', 'a')),
      root(part('1', '')),
      root({ PartNumber: { Nested: '1' }, ETag: 'a' }),
    ];
    for (const element of bad)
      expect(
        codeOf(() => parseCompleteRequest(element)),
        JSON.stringify(element),
      ).toBe('MalformedXML');
  });

  it('refuses part numbers outside 1..10000 (InvalidArgument) and numbers that do not ascend (InvalidPartOrder)', () => {
    expect(codeOf(() => parseCompleteRequest(root(part('0', 'a'))))).toBe('InvalidArgument');
    expect(codeOf(() => parseCompleteRequest(root(part('10001', 'a'))))).toBe('InvalidArgument');
    expect(codeOf(() => parseCompleteRequest(root(part('2', 'a'), part('1', 'b'))))).toBe('InvalidPartOrder');
    expect(codeOf(() => parseCompleteRequest(root(part('1', 'a'), part('1', 'b'))))).toBe('InvalidPartOrder');
  });
});
