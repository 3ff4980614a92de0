import { describe, expect, it } from 'vitest';
import type { partitionV1 } from '@strata/protos';
import { checkCopySourceConditions, copySourceRange, parseCopySource } from './copy-source.js';
import type { S3Request } from './operation.js';

const requestWith = (headers: Record<string, string>): S3Request => ({ headers }) as unknown as S3Request;
const codeOf = (fn: () => unknown): string => {
  try {
    fn();
    return 'none';
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('parseCopySource', () => {
  it('reads bucket, key and version id, URL-decoded, with or without a leading slash', () => {
    expect(parseCopySource(requestWith({ 'x-amz-copy-source': 'bucket/a/b%20c%2B%3F.txt' }))).toEqual({ bucket: 'bucket', key: 'a/b c+?.txt' });
    expect(parseCopySource(requestWith({ 'x-amz-copy-source': '/bucket/%C3%BC?versionId=null' }))).toEqual({ bucket: 'bucket', key: 'ü', versionId: 'null' });
    const id = '0123456789abcdef0123456789abcdef';
    expect(parseCopySource(requestWith({ 'x-amz-copy-source': `bucket/k?versionId=${id}` }))).toEqual({ bucket: 'bucket', key: 'k', versionId: id });
  });

  it('refuses a source without a key, an empty version id, bad encoding (InvalidArgument) or a bad bucket name', () => {
    expect(codeOf(() => parseCopySource(requestWith({ 'x-amz-copy-source': 'bucket' })))).toBe('InvalidArgument');
    expect(codeOf(() => parseCopySource(requestWith({ 'x-amz-copy-source': 'bucket/' })))).toBe('InvalidArgument');
    expect(codeOf(() => parseCopySource(requestWith({ 'x-amz-copy-source': 'bucket/k?versionId=' })))).toBe('InvalidArgument');
    expect(codeOf(() => parseCopySource(requestWith({ 'x-amz-copy-source': 'bucket/%E0%A4%A' })))).toBe('InvalidArgument');
    expect(codeOf(() => parseCopySource(requestWith({ 'x-amz-copy-source': 'Bad_Bucket/k' })))).toBe('InvalidBucketName');
    expect(codeOf(() => parseCopySource(requestWith({ 'x-amz-copy-source': `bucket/${'k'.repeat(1025)}` })))).toBe('KeyTooLongError');
  });
});

describe('checkCopySourceConditions', () => {
  const lastModifiedMs = Date.parse('2026-01-02T03:04:05.678Z');
  const source = { etag: 'abc', lastModifiedMs } as partitionV1.BlobRecord__Output;
  const before = 'Thu, 01 Jan 2026 00:00:00 GMT';
  const at = new Date(lastModifiedMs).toUTCString();
  const after = 'Sat, 03 Jan 2026 00:00:00 GMT';
  const check = (headers: Record<string, string>): string =>
    codeOf(() => checkCopySourceConditions(requestWith(Object.fromEntries(Object.entries(headers).map(([k, v]) => [`x-amz-copy-source-${k}`, v]))), source));

  it('follows S3: if-match and if-none-match decide, dates count only without them', () => {
    expect(check({})).toBe('none');
    expect(check({ 'if-match': '"abc"' })).toBe('none');
    expect(check({ 'if-match': '"other", "abc"' })).toBe('none');
    expect(check({ 'if-match': '*' })).toBe('none');
    expect(check({ 'if-match': '"other"' })).toBe('PreconditionFailed');
    expect(check({ 'if-none-match': '"abc"' })).toBe('PreconditionFailed');
    expect(check({ 'if-none-match': '"other"' })).toBe('none');
    expect(check({ 'if-unmodified-since': before })).toBe('PreconditionFailed');
    expect(check({ 'if-unmodified-since': at })).toBe('none');
    expect(check({ 'if-modified-since': after })).toBe('PreconditionFailed');
    expect(check({ 'if-modified-since': at })).toBe('PreconditionFailed');
    expect(check({ 'if-modified-since': before })).toBe('none');
    // if-match true and if-unmodified-since false: copied; if-none-match false and if-modified-since true: refused.
    expect(check({ 'if-match': '"abc"', 'if-unmodified-since': before })).toBe('none');
    expect(check({ 'if-none-match': '"abc"', 'if-modified-since': before })).toBe('PreconditionFailed');
    expect(check({ 'if-modified-since': 'not a date' })).toBe('none');
  });
});

describe('copySourceRange', () => {
  const range = (value: string | undefined, size: number): unknown => {
    try {
      return copySourceRange(requestWith(value === undefined ? {} : { 'x-amz-copy-source-range': value }), size);
    } catch (error) {
      return (error as { code: string }).code;
    }
  };

  it('takes bytes=first-last inside the source, or the whole source', () => {
    expect(range(undefined, 10)).toEqual({ first: 0, last: 9 });
    expect(range('bytes=0-0', 10)).toEqual({ first: 0, last: 0 });
    expect(range('bytes=3-9', 10)).toEqual({ first: 3, last: 9 });
  });

  it('refuses other forms and ranges past the source: InvalidArgument', () => {
    for (const value of ['bytes=3-10', 'bytes=5-4', 'bytes=0-', 'bytes=-5', 'bytes=0-1,3-4', 'items=0-1'])
      expect(range(value, 10), value).toBe('InvalidArgument');
  });
});
