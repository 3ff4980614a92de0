import { describe, expect, it } from 'vitest';
import { chooseStamp } from './allocation.js';
import type { StampRecord } from './records.js';

const GiB = 1024 ** 3;
const NOW = 1_000_000;
const stamp = (stampId: string, usedGiB: number, options: Partial<StampRecord> = {}): StampRecord => ({
  stampId,
  frontEndEndpoints: [],
  capacityBytes: 100 * GiB,
  usedBytes: usedGiB * GiB,
  reportedMs: NOW - 1_000,
  ...options,
});
const policy = { utilisationMax: 0.8, staleMs: 60_000, nowMs: NOW };

describe('chooseStamp', () => {
  it('picks the least used stamp', () => {
    expect(chooseStamp([stamp('a', 50), stamp('b', 10), stamp('c', 30)], new Map(), policy)).toBe('b');
  });

  it('treats stamps within one utilisation band as equal and picks the one with fewer accounts', () => {
    const accounts = new Map([
      ['a', 5],
      ['b', 9],
    ]);
    expect(chooseStamp([stamp('a', 11), stamp('b', 10)], accounts, policy)).toBe('a');
    expect(chooseStamp([stamp('a', 1), stamp('b', 1)], new Map([['a', 1]]), policy)).toBe('b');
    expect(chooseStamp([stamp('b', 1), stamp('a', 1)], new Map(), policy)).toBe('a');
  });

  it('skips stamps above the threshold, silent for too long, or without capacity', () => {
    const stamps = [
      stamp('full', 85),
      stamp('silent', 1, { reportedMs: NOW - 61_000 }),
      stamp('never', 0, { reportedMs: 0 }),
      stamp('empty', 0, { capacityBytes: 0 }),
      stamp('ok', 70),
    ];
    expect(chooseStamp(stamps, new Map(), policy)).toBe('ok');
  });

  it('refuses with a reason per stamp when none qualifies, and says when there is none', () => {
    expect(() => chooseStamp([stamp('full', 90), stamp('silent', 1, { reportedMs: 0 })], new Map(), policy)).toThrow(
      /full: 90\.0% used, above the 80\.0% threshold; silent: no report/,
    );
    expect(() => chooseStamp([], new Map(), policy)).toThrow(expect.objectContaining({ code: 'NO_STAMP_AVAILABLE', message: 'no stamp is registered' }));
  });
});
