import { describe, expect, it } from 'vitest';
import { parseValue, valueOf, violations, type Read, type Write } from './register-history.js';

const write = (version: number | null, invokedMs: number, completedMs: number): Write => ({ key: 'k', version, invokedMs, completedMs });
const read = (version: number | null, invokedMs: number, completedMs: number): Read => ({ key: 'k', version, invokedMs, completedMs });

describe('register history checker', () => {
  const writes = [write(1, 0, 10), write(null, 20, 30), write(2, 40, 50)];

  it('accepts the last settled write and any write racing the read', () => {
    expect(violations(writes, [read(1, 11, 19), read(null, 31, 39), read(1, 15, 25), read(null, 15, 25), read(2, 35, 45), read(null, 35, 45)])).toEqual([]);
  });

  it('finds a lost write, a resurrected delete and wrong bytes', () => {
    expect(violations(writes, [read(1, 51, 60)])).toEqual(['k read at 51-60 ms: a lost write: got 1, allowed 2']);
    expect(violations(writes, [read(1, 31, 39)])).toEqual(['k read at 31-39 ms: a resurrected delete: got 1, allowed none']);
    expect(violations(writes, [read(null, 11, 19)])[0]).toContain('a lost write (no such key)');
    expect(violations(writes, [{ ...read(2, 51, 60), wrongBytes: true }])).toEqual(['k read at 51-60 ms: wrong bytes']);
  });

  it('names a value by its key and version, byte for byte', () => {
    const body = valueOf('race/7', 3);
    expect(parseValue('race/7', body)).toEqual({ version: 3, wrongBytes: false });
    const corrupt = Buffer.from(body);
    corrupt[corrupt.length - 1]! ^= 1;
    expect(parseValue('race/7', corrupt)).toEqual({ version: 3, wrongBytes: true });
  });
});
