import { describe, expect, it } from 'vitest';
import { formatAmzDate, parseAmzDate } from './amz-date.js';

describe('x-amz-date', () => {
  it('reads the basic ISO 8601 form and formats it back', () => {
    const ms = parseAmzDate('20130524T000000Z');
    expect(ms).toBe(Date.UTC(2013, 4, 24));
    expect(formatAmzDate(ms!)).toBe('20130524T000000Z');
    expect(parseAmzDate('20240229T235959Z'), 'a leap day').toBe(Date.UTC(2024, 1, 29, 23, 59, 59));
  });

  it('refuses dates that name no real instant, and other forms', () => {
    for (const value of ['20131301T000000Z', '20130230T000000Z', '20230229T000000Z', '20130524T240000Z', '20130524T006000Z', '20130524T000060Z']) {
      expect(parseAmzDate(value), value).toBeUndefined();
    }
    for (const value of ['2013-05-24T00:00:00Z', '20130524T000000', '20130524T000000z', '', 'Fri, 24 May 2013 00:00:00 GMT']) {
      expect(parseAmzDate(value), value).toBeUndefined();
    }
  });
});
