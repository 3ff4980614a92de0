import { describe, expect, it } from 'vitest';
import { decodeContinuationToken, encodeContinuationToken, listName } from './list-query.js';

describe('listName', () => {
  it('leaves names alone without encoding-type=url', () => {
    expect(listName('a b/c+d(1)', undefined)).toBe('a b/c+d(1)');
  });

  it('encodes as S3 does under encoding-type=url: a space is +, / stays, the rest but -_.* is %XX of UTF-8', () => {
    expect(listName('a b.txt', 'url')).toBe('a+b.txt');
    expect(listName('a+b.txt', 'url')).toBe('a%2Bb.txt');
    expect(listName('100%.csv', 'url')).toBe('100%25.csv');
    expect(listName('한글/x.txt', 'url')).toBe('%ED%95%9C%EA%B8%80/x.txt');
    expect(listName('test_file(3).png', 'url')).toBe('test_file%283%29.png');
    expect(listName("it's~!*-_.", 'url')).toBe('it%27s%7E%21*-_.');
    expect(listName('tab\there\u0001', 'url')).toBe('tab%09here%01');
  });
});

describe('continuation tokens', () => {
  it('round-trip a position, and refuse an empty or unreadable token as S3 does (400 InvalidArgument)', () => {
    const position = { startAfter: 'photos/2024/', startAfterIsPrefix: true };
    expect(decodeContinuationToken(encodeContinuationToken(position))).toEqual(position);
    for (const token of ['', 'not-a-token', encodeContinuationToken(position).slice(3)]) {
      expect(() => decodeContinuationToken(token), token).toThrow(expect.objectContaining({ code: 'InvalidArgument', httpStatus: 400 }));
    }
  });
});
