import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createChecksumHasher } from '../../auth/checksum.js';
import { combineCrc, type CombinableAlgorithm } from './crc-combine.js';
import { objectChecksum } from './object-checksum.js';

const crcOf = (algorithm: CombinableAlgorithm, data: Buffer): Buffer => {
  const hasher = createChecksumHasher(algorithm);
  hasher.update(data);
  return hasher.digest();
};

describe('combineCrc', () => {
  const algorithms: CombinableAlgorithm[] = ['crc32', 'crc32c', 'crc64nvme'];

  it.each(algorithms)('gives the %s of A then B from the CRCs of A and B and the length of B', (algorithm) => {
    for (const [first, second] of [
      [randomBytes(1000), randomBytes(3333)],
      [randomBytes(1), randomBytes(5 * 1024 * 1024 + 7)],
      [Buffer.alloc(0), randomBytes(10)],
      [randomBytes(10), Buffer.alloc(0)],
    ] as const) {
      expect(combineCrc(algorithm, crcOf(algorithm, first), crcOf(algorithm, second), second.length)).toEqual(crcOf(algorithm, Buffer.concat([first, second])));
    }
  });

  it('makes the FULL_OBJECT checksum of many parts, as one pass over the whole object would', () => {
    const parts = Array.from({ length: 7 }, (_, i) => randomBytes(1 + i * 997));
    for (const algorithm of algorithms) {
      const combined = objectChecksum({
        algorithm,
        type: 'FULL_OBJECT',
        partChecksums: parts.map((part) => crcOf(algorithm, part).toString('base64')),
        partSizes: parts.map((part) => part.length),
      });
      expect(combined).toBe(crcOf(algorithm, Buffer.concat(parts)).toString('base64'));
    }
  });

  it('makes the COMPOSITE checksum: the checksum of the binary part checksums, then -N', () => {
    const parts = [randomBytes(100), randomBytes(200)];
    const partChecksums = parts.map((part) => crcOf('crc32', part).toString('base64'));
    expect(objectChecksum({ algorithm: 'crc32', type: 'COMPOSITE', partChecksums })).toBe(
      `${crcOf('crc32', Buffer.concat(parts.map((p) => crcOf('crc32', p)))).toString('base64')}-2`,
    );
  });
});
