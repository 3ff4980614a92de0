import type { ChecksumAlgorithm } from '../../auth/checksum.js';

/** The CRCs S3 can combine into a whole-object (FULL_OBJECT) checksum: width and reflected polynomial. */
const CRCS = {
  crc32: { width: 32n, poly: 0xedb88320n },
  crc32c: { width: 32n, poly: 0x82f63b78n },
  crc64nvme: { width: 64n, poly: 0x9a6c9329ac4bc9b5n },
} as const;

export type CombinableAlgorithm = keyof typeof CRCS;

export function isCombinable(algorithm: ChecksumAlgorithm): algorithm is CombinableAlgorithm {
  return algorithm in CRCS;
}

/** a(x)·b(x) modulo the polynomial, in the reflected bit order (zlib's multmodp). */
function multiplyModP(a: bigint, b: bigint, crc: { width: bigint; poly: bigint }): bigint {
  let m = 1n << (crc.width - 1n);
  let product = 0n;
  let multiplicand = b;
  while (m > 0n) {
    if (a & m) {
      product ^= multiplicand;
      if ((a & (m - 1n)) === 0n) break;
    }
    m >>= 1n;
    multiplicand = multiplicand & 1n ? (multiplicand >> 1n) ^ crc.poly : multiplicand >> 1n;
  }
  return product;
}

/** x^(8·lengthBytes) modulo the polynomial, by squaring. */
function shiftOperator(lengthBytes: bigint, crc: { width: bigint; poly: bigint }): bigint {
  let power = 1n << (crc.width - 2n); // x^1
  // x^8: three squarings of x^1.
  for (let i = 0; i < 3; i++) power = multiplyModP(power, power, crc);
  let result = 1n << (crc.width - 1n); // x^0
  for (let n = lengthBytes; n > 0n; n >>= 1n) {
    if (n & 1n) result = multiplyModP(power, result, crc);
    power = multiplyModP(power, power, crc);
  }
  return result;
}

/**
 * The CRC of A followed by B from the CRC of A, the CRC of B and B's length (zlib's
 * crc32_combine, for any reflected CRC whose initial value equals its final xor, as these do).
 * CRCs are the big-endian digest bytes S3 base64-encodes.
 */
export function combineCrc(algorithm: CombinableAlgorithm, first: Buffer, second: Buffer, secondLengthBytes: number): Buffer {
  const crc = CRCS[algorithm];
  const value = multiplyModP(shiftOperator(BigInt(secondLengthBytes), crc), BigInt(`0x${first.toString('hex')}`), crc) ^ BigInt(`0x${second.toString('hex')}`);
  return Buffer.from(value.toString(16).padStart(Number(crc.width / 4n), '0'), 'hex');
}
