import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CHECKSUM_ALGORITHMS, checksumFromHeaders, createChecksumHasher, parseChecksumValue, verifyChecksum, type ChecksumAlgorithm } from './checksum.js';
import { Crc64Nvme } from './crc64-nvme.js';

function digestOf(algorithm: ChecksumAlgorithm, data: Buffer, pieceSize = data.length || 1): Buffer {
  const hasher = createChecksumHasher(algorithm);
  for (let offset = 0; offset < data.length; offset += pieceSize) hasher.update(data.subarray(offset, offset + pieceSize));
  return hasher.digest();
}

describe('checksum hashers', () => {
  // The "check" values of the CRC catalogue: each CRC of the ASCII bytes "123456789".
  const CHECK = Buffer.from('123456789');

  it('give the catalogue check values', () => {
    expect(digestOf('crc32', CHECK).toString('hex')).toBe('cbf43926');
    expect(digestOf('crc32c', CHECK).toString('hex')).toBe('e3069283');
    expect(digestOf('crc64nvme', CHECK).toString('hex')).toBe('ae8b14860a799888');
  });

  it('crc64nvme matches the value the AWS SDK sent for 10 bytes of 0x02', () => {
    // Recorded from @aws-sdk/client-s3 PutObject with ChecksumAlgorithm CRC64NVME (see sdk-client.test.ts).
    expect(digestOf('crc64nvme', Buffer.alloc(10, 2)).toString('base64')).toBe('GbmLuWY6XW4=');
  });

  it('give the same digest however the data is split', () => {
    const data = randomBytes(70_001);
    for (const algorithm of CHECKSUM_ALGORITHMS) {
      const whole = digestOf(algorithm, data);
      for (const piece of [1, 3, 7, 8, 9, 4096, 65_537]) expect(digestOf(algorithm, data, piece).equals(whole), `${algorithm}/${piece}`).toBe(true);
    }
  });

  it('sha1 and sha256 are node:crypto digests; an empty input has the CRC of nothing', () => {
    const data = randomBytes(1000);
    expect(digestOf('sha1', data).equals(createHash('sha1').update(data).digest())).toBe(true);
    expect(digestOf('sha256', data).equals(createHash('sha256').update(data).digest())).toBe(true);
    expect(digestOf('crc32', Buffer.alloc(0)).toString('base64')).toBe('AAAAAA==');
    expect(new Crc64Nvme().digest().toString('hex')).toBe('0000000000000000');
  });

  it('can be asked for their digest twice', () => {
    for (const algorithm of CHECKSUM_ALGORITHMS) {
      const hasher = createChecksumHasher(algorithm);
      hasher.update(Buffer.from('abc'));
      expect(hasher.digest().equals(hasher.digest()), algorithm).toBe(true);
    }
  });
});

describe('checksum values', () => {
  it('accept canonical base64 of the digest size only', () => {
    expect(parseChecksumValue('crc32', 'DUoRhQ==')).toEqual({ algorithm: 'crc32', base64: 'DUoRhQ==' });
    expect(parseChecksumValue('sha256', createHash('sha256').update('x').digest('base64')).algorithm).toBe('sha256');
    for (const bad of ['', 'DUoRhQ', 'DUoRhQ=', 'DUoRhQ==x', 'AAAAAAAA', '****']) {
      expect(() => parseChecksumValue('crc32', bad), bad).toThrow(expect.objectContaining({ code: 'InvalidRequest' }));
    }
    expect(() => parseChecksumValue('crc64nvme', 'DUoRhQ==')).toThrow(expect.objectContaining({ code: 'InvalidRequest' }));
  });

  it('a mismatch is BadDigest', () => {
    const data = Buffer.from('hello world');
    // 'DUoRhQ==' is what the AWS SDK sent as x-amz-checksum-crc32 for "hello world".
    expect(() => verifyChecksum({ algorithm: 'crc32', base64: 'DUoRhQ==' }, digestOf('crc32', data))).not.toThrow();
    expect(() => verifyChecksum({ algorithm: 'crc32', base64: 'DUoRhQ==' }, digestOf('crc32', Buffer.from('hello worle')))).toThrow(
      expect.objectContaining({ code: 'BadDigest' }),
    );
  });

  // The values below are the digests of "hello world" (crc32c, crc32, sha1, md5).
  it('headers: none, one, several, unknown algorithm', () => {
    expect(checksumFromHeaders({ host: 'h', 'x-amz-checksum-type': 'FULL_OBJECT', 'x-amz-checksum-mode': 'ENABLED' })).toBeUndefined();
    expect(checksumFromHeaders({ 'x-amz-checksum-crc32c': 'yZRlqg==' })).toEqual({ algorithm: 'crc32c', base64: 'yZRlqg==' });
    expect(() => checksumFromHeaders({ 'x-amz-checksum-crc32': 'DUoRhQ==', 'x-amz-checksum-sha1': 'Kq5sNclPz7QV2+lfQIuc6R7oRu0=' })).toThrow(
      expect.objectContaining({ code: 'InvalidRequest' }),
    );
    expect(() => checksumFromHeaders({ 'x-amz-checksum-md5': 'XrY7u+Ae7tCTyyK7j1rNww==' })).toThrow(expect.objectContaining({ code: 'InvalidRequest' }));
  });
});
