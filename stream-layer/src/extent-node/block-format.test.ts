import { describe, expect, it } from 'vitest';
import { BLOCK_HEADER_BYTES } from '../limits.js';
import { blockChecksum, decodeBlockHeader, encodeAppend, encodeBlockHeader, FLAG_END_OF_APPEND } from './block-format.js';

describe('block format', () => {
  it('checksums payloads with CRC32C (Castagnoli), matching its published check value', () => {
    // The standard check value of CRC-32C over the ASCII digits "123456789".
    expect(blockChecksum(Buffer.from('123456789'))).toBe(0xe3069283);
  });

  it('round-trips a header', () => {
    const header = { flags: FLAG_END_OF_APPEND, dataBytes: 12345, dataCrc32c: 0xdeadbeef };
    const bytes = encodeBlockHeader(header);
    expect(bytes.length).toBe(BLOCK_HEADER_BYTES);
    expect(decodeBlockHeader(bytes)).toEqual(header);
  });

  it('refuses a header with any byte flipped, or cut short', () => {
    const bytes = encodeBlockHeader({ flags: 0, dataBytes: 10, dataCrc32c: 1 });
    for (let i = 0; i < bytes.length; i++) {
      const flipped = Buffer.from(bytes);
      flipped[i]! ^= 0x01;
      expect(decodeBlockHeader(flipped), `byte ${i} flipped`).toBeUndefined();
    }
    expect(decodeBlockHeader(bytes.subarray(0, BLOCK_HEADER_BYTES - 1))).toBeUndefined();
    expect(decodeBlockHeader(Buffer.alloc(BLOCK_HEADER_BYTES))).toBeUndefined();
  });

  it('marks only the last block of an append as its end', () => {
    const blocks = [Buffer.from('a'), Buffer.from('bb'), Buffer.from('ccc')].map((data) => ({ data, crc32c: blockChecksum(data) }));
    const parts = encodeAppend(blocks);
    expect(parts).toHaveLength(6);
    const flags = [0, 2, 4].map((i) => decodeBlockHeader(parts[i]!)!.flags);
    expect(flags).toEqual([0, 0, FLAG_END_OF_APPEND]);
    expect(parts[5]!.toString()).toBe('ccc');
  });
});
