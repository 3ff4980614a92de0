import { describe, expect, it } from 'vitest';
import { parseCompleteRequest } from './complete-request.js';

const body = (parts: string): Buffer => Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><CompleteMultipartUpload xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${parts}</CompleteMultipartUpload>`);
const part = (number: string, etag: string, extra = ''): string => `<Part><PartNumber>${number}</PartNumber><ETag>${etag}</ETag>${extra}</Part>`;
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'none';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('parseCompleteRequest', () => {
  it('reads part numbers, ETags (quoted, entity-quoted or bare) and checksums in order', () => {
    const parts = parseCompleteRequest(body(part('1', '"aa"') + part('2', '&quot;bb&quot;', '<ChecksumCRC32>AAAAAA==</ChecksumCRC32>') + part('10', 'cc')));
    expect(parts).toEqual([
      { partNumber: 1, etag: 'aa', checksums: {} },
      { partNumber: 2, etag: 'bb', checksums: { crc32: 'AAAAAA==' } },
      { partNumber: 10, etag: 'cc', checksums: {} },
    ]);
  });

  it('refuses what is not the XML the operation takes: MalformedXML', () => {
    for (const text of ['', 'not xml', '<CompleteMultipartUpload>', '<CompleteMultipartUpload></CompleteMultipartUpload>', '<Other>' + part('1', 'a') + '</Other>']) {
      expect(codeOf(() => parseCompleteRequest(Buffer.from(text))), text).toBe('MalformedXML');
    }
    expect(codeOf(() => parseCompleteRequest(body('<Part><PartNumber>1</PartNumber></Part>')))).toBe('MalformedXML');
    expect(codeOf(() => parseCompleteRequest(body(part('x', 'a'))))).toBe('MalformedXML');
    expect(codeOf(() => parseCompleteRequest(body(part('-1', 'a'))))).toBe('MalformedXML');
  });

  it('refuses part numbers outside 1..10000 (InvalidArgument) and numbers that do not ascend (InvalidPartOrder)', () => {
    expect(codeOf(() => parseCompleteRequest(body(part('0', 'a'))))).toBe('InvalidArgument');
    expect(codeOf(() => parseCompleteRequest(body(part('10001', 'a'))))).toBe('InvalidArgument');
    expect(codeOf(() => parseCompleteRequest(body(part('2', 'a') + part('1', 'b'))))).toBe('InvalidPartOrder');
    expect(codeOf(() => parseCompleteRequest(body(part('1', 'a') + part('1', 'b'))))).toBe('InvalidPartOrder');
  });
});
