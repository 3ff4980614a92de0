import { describe, expect, it } from 'vitest';
import { isStrataError } from '@strata/common';
import { nextVersionOrder, versionIdOf, versionKeyOf, versionKeyOfId } from './version-id.js';

describe('version ids', () => {
  it('encode the version key and a random part in 32 hex digits, and decode back to the key', () => {
    const key = versionKeyOf(1_765_000_000_000_000);
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    const id = versionIdOf(key, Buffer.from('0011223344556677', 'hex'));
    expect(id).toBe(`${key}0011223344556677`);
    expect(versionKeyOfId(id)).toBe(key);
    expect(versionKeyOfId('null')).toBe('null');
  });

  it('make keys that sort newest first, from 0 (a record older than versioning) to the largest order', () => {
    const orders = [0, 1, 1_765_000_000_000_000, Number.MAX_SAFE_INTEGER];
    const keys = orders.map(versionKeyOf);
    expect([...keys].sort()).toEqual([...keys].reverse());
    expect(versionKeyOf(0)).toBe('ffffffffffffffff');
  });

  it('refuse ids Strata never makes with INVALID_ARGUMENT (S3: 400 InvalidArgument, "Invalid version id specified")', () => {
    for (const bad of ['', 'NULL', 'x'.repeat(32), 'ABCDEF0123456789ABCDEF0123456789', '0'.repeat(31), '0'.repeat(33)]) {
      let code = 'ok';
      try {
        versionKeyOfId(bad);
      } catch (error) {
        code = isStrataError(error) ? error.code : String(error);
      }
      expect(code, JSON.stringify(bad)).toBe('INVALID_ARGUMENT');
    }
  });

  it('order a new version after the current one even when the clock stepped back', () => {
    expect(nextVersionOrder(1_000, 0)).toBe(1_000_000);
    expect(nextVersionOrder(1_000, 1_000_000)).toBe(1_000_001);
    expect(nextVersionOrder(900, 1_000_000)).toBe(1_000_001);
  });
});
