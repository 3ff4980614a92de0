import { describe, expect, it } from 'vitest';
import { judgeReadConditions } from './read-conditions.js';

const target = { etag: 'abc', lastModifiedMs: Date.parse('Wed, 21 Oct 2026 07:28:00 GMT') + 500 };
const before = 'Wed, 21 Oct 2026 07:27:59 GMT';
const same = 'Wed, 21 Oct 2026 07:28:00 GMT';
const after = 'Wed, 21 Oct 2026 07:28:01 GMT';

const judge = (headers: Record<string, string>): string => {
  try {
    return judgeReadConditions(headers, target);
  } catch (error) {
    return (error as { code: string }).code;
  }
};

describe('judgeReadConditions (RFC 9110 order, as S3 judges them)', () => {
  it('If-Match: a listed (quoted, weak or *) ETag serves, another is 412', () => {
    expect(judge({ 'if-match': '"abc"' })).toBe('serve');
    expect(judge({ 'if-match': '"x", W/"abc"' })).toBe('serve');
    expect(judge({ 'if-match': '*' })).toBe('serve');
    expect(judge({ 'if-match': '"x"' })).toBe('PreconditionFailed');
  });

  it('If-None-Match: a match is 304, else serve', () => {
    expect(judge({ 'if-none-match': '"abc"' })).toBe('not-modified');
    expect(judge({ 'if-none-match': '*' })).toBe('not-modified');
    expect(judge({ 'if-none-match': '"x"' })).toBe('serve');
  });

  it('dates compare in whole seconds; an unparsable date is ignored', () => {
    expect(judge({ 'if-modified-since': same })).toBe('not-modified');
    expect(judge({ 'if-modified-since': before })).toBe('serve');
    expect(judge({ 'if-unmodified-since': same })).toBe('serve');
    expect(judge({ 'if-unmodified-since': before })).toBe('PreconditionFailed');
    expect(judge({ 'if-modified-since': 'yesterday' })).toBe('serve');
    expect(judge({ 'if-unmodified-since': 'not a date' })).toBe('serve');
  });

  it('conflicting headers: a true If-Match wins over a false If-Unmodified-Since; a false If-None-Match over a true If-Modified-Since', () => {
    expect(judge({ 'if-match': '"abc"', 'if-unmodified-since': before })).toBe('serve');
    expect(judge({ 'if-none-match': '"x"', 'if-modified-since': after })).toBe('serve');
    expect(judge({ 'if-none-match': '"abc"', 'if-modified-since': before })).toBe('not-modified');
    expect(judge({ 'if-match': '"x"', 'if-none-match': '"abc"' })).toBe('PreconditionFailed');
  });
});
