import { systemRandom } from '@strata/common';
import { describe, expect, it } from 'vitest';
import { newAccessKey, rotatedKeys } from './access-keys.js';
import { checkAccountName } from './account-names.js';

describe('rotatedKeys', () => {
  it('keeps the newest two keys: the previous one works until the next rotation', () => {
    const [k1, k2, k3] = [1, 2, 3].map((ms) => newAccessKey(systemRandom, ms));
    expect(rotatedKeys([k1!], k2!)).toEqual([k1, k2]);
    expect(rotatedKeys([k1!, k2!], k3!)).toEqual([k2, k3]);
  });

  it('makes distinct S3-shaped keys', () => {
    const keys = Array.from({ length: 100 }, () => newAccessKey(systemRandom, 0));
    expect(new Set(keys.map((key) => key.accessKeyId)).size).toBe(100);
    for (const key of keys) {
      expect(key.accessKeyId).toMatch(/^STRATA[A-Z2-7]{14}$/);
      expect(key.secretAccessKey).toMatch(/^[A-Za-z0-9_-]{40}$/);
    }
  });
});

describe('checkAccountName', () => {
  it.each(['acme', 'abc', 'a1b2c3', 'x'.repeat(24)])('accepts %s', (name) => expect(() => checkAccountName(name)).not.toThrow());
  it.each(['ab', 'x'.repeat(25), 'Acme', 'ac-me', 'ac.me', 'ac_me', '', 'acmé'])('refuses %j with INVALID_ACCOUNT_NAME', (name) =>
    expect(() => checkAccountName(name)).toThrow(expect.objectContaining({ code: 'INVALID_ACCOUNT_NAME' })),
  );
});
