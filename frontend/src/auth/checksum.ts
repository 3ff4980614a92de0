import { createHash, type Hash } from 'node:crypto';
import { crc32, crc32c } from '@node-rs/crc32';
import { S3Error } from '../s3/errors.js';
import { Crc64Nvme } from './crc64-nvme.js';
import { headerValue, type RequestHeaders } from './request-headers.js';

/** The S3 additional-checksum algorithms, as they appear in `x-amz-checksum-<algorithm>`. */
export const CHECKSUM_ALGORITHMS = ['crc32', 'crc32c', 'crc64nvme', 'sha1', 'sha256'] as const;
export type ChecksumAlgorithm = (typeof CHECKSUM_ALGORITHMS)[number];

/** Digest size in bytes of each algorithm: a value of another size is malformed. */
const DIGEST_BYTES: Record<ChecksumAlgorithm, number> = { crc32: 4, crc32c: 4, crc64nvme: 8, sha1: 20, sha256: 32 };

const HEADER_PREFIX = 'x-amz-checksum-';

/** Headers that share the prefix but describe checksums rather than carry one. */
const NOT_CHECKSUMS: ReadonlySet<string> = new Set(['x-amz-checksum-mode', 'x-amz-checksum-type', 'x-amz-checksum-algorithm']);

/** `x-amz-checksum-<algorithm>`. */
export function checksumHeaderName(algorithm: ChecksumAlgorithm): string {
  return HEADER_PREFIX + algorithm;
}

/** The algorithm a header or trailer name stands for, or undefined when it names none we know. */
export function checksumAlgorithmOf(name: string): ChecksumAlgorithm | undefined {
  if (!name.startsWith(HEADER_PREFIX)) return undefined;
  const algorithm = name.slice(HEADER_PREFIX.length);
  return (CHECKSUM_ALGORITHMS as readonly string[]).includes(algorithm) ? (algorithm as ChecksumAlgorithm) : undefined;
}

/** An incremental checksum whose digest is the big-endian bytes S3 base64-encodes. */
export interface ChecksumHasher {
  update(data: Uint8Array): void;
  digest(): Buffer;
}

/** A fresh hasher for the algorithm. */
export function createChecksumHasher(algorithm: ChecksumAlgorithm): ChecksumHasher {
  switch (algorithm) {
    case 'crc32':
      return crc32Hasher(crc32);
    case 'crc32c':
      return crc32Hasher(crc32c);
    case 'crc64nvme':
      return new Crc64Nvme();
    case 'sha1':
    case 'sha256':
      return hashHasher(createHash(algorithm));
  }
}

function crc32Hasher(fn: (data: Uint8Array, initial?: number) => number): ChecksumHasher {
  let state = 0;
  return {
    update: (data) => {
      state = fn(data, state);
    },
    digest: () => {
      const out = Buffer.alloc(4);
      out.writeUInt32BE(state >>> 0);
      return out;
    },
  };
}

function hashHasher(hash: Hash): ChecksumHasher {
  let digest: Buffer | undefined;
  return {
    update: (data) => void hash.update(data),
    // A node Hash digests once; remember it so digest() can be asked twice like the CRCs.
    digest: () => (digest ??= hash.digest()),
  };
}

/** A checksum the client declared, decoded. */
export interface ExpectedChecksum {
  algorithm: ChecksumAlgorithm;
  /** The value as sent: base64 of the big-endian digest. */
  base64: string;
}

/**
 * Validates a declared checksum value: canonical base64 of exactly the algorithm's digest size.
 * @throws S3Error InvalidRequest when it is not.
 */
export function parseChecksumValue(algorithm: ChecksumAlgorithm, value: string): ExpectedChecksum {
  const bytes = Buffer.from(value, 'base64');
  if (bytes.length !== DIGEST_BYTES[algorithm] || bytes.toString('base64') !== value) {
    throw new S3Error('InvalidRequest', `Value for ${checksumHeaderName(algorithm)} header is invalid.`);
  }
  return { algorithm, base64: value };
}

/**
 * The one `x-amz-checksum-*` header of a request, validated, or undefined when there is none.
 * @throws S3Error InvalidRequest for more than one, an unknown algorithm, or a malformed value.
 */
export function checksumFromHeaders(headers: RequestHeaders): ExpectedChecksum | undefined {
  const names = Object.keys(headers).filter((name) => name.startsWith(HEADER_PREFIX) && !NOT_CHECKSUMS.has(name) && headers[name] !== undefined);
  if (names.length === 0) return undefined;
  if (names.length > 1) throw new S3Error('InvalidRequest', 'Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.');
  const name = names[0] ?? '';
  const algorithm = checksumAlgorithmOf(name);
  if (algorithm === undefined) throw new S3Error('InvalidRequest', `The checksum header ${name} names an unsupported algorithm.`);
  return parseChecksumValue(algorithm, headerValue(headers, name) ?? '');
}

/**
 * Checks a computed digest against the declared checksum.
 * @throws S3Error BadDigest when they differ.
 */
export function verifyChecksum(expected: ExpectedChecksum, digest: Buffer): void {
  if (digest.toString('base64') !== expected.base64) {
    throw new S3Error('BadDigest', `The ${expected.algorithm.toUpperCase()} you specified did not match the calculated checksum.`, {
      algorithm: expected.algorithm,
      expected: expected.base64,
      calculated: digest.toString('base64'),
    });
  }
}
