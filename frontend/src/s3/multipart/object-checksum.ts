import { createChecksumHasher, type ChecksumAlgorithm } from '../../auth/checksum.js';
import { S3Error } from '../errors.js';
import { algorithmName, type ChecksumType } from './checksum-algorithm.js';
import type { ListedPart } from './complete-request.js';
import { combineCrc, isCombinable } from './crc-combine.js';

/**
 * The per-part checksums a completion lists, for an upload created with a checksum algorithm:
 * S3 requires each listed part to carry one.
 * @throws S3Error InvalidRequest naming the first part without one.
 */
export function listedChecksums(algorithm: ChecksumAlgorithm, parts: readonly ListedPart[]): string[] {
  return parts.map((part) => {
    const value = part.checksums[algorithm];
    if (value === undefined) {
      throw new S3Error(
        'InvalidRequest',
        `The upload was created using a ${algorithm} checksum. The complete request must include the checksum for each part. It was missing for part ${part.partNumber} in the request.`,
      );
    }
    return value;
  });
}

/**
 * The object's checksum from its parts' (base64) checksums: COMPOSITE is the checksum of the
 * concatenated binary part checksums followed by "-<part count>"; FULL_OBJECT is the CRC of
 * the whole object, combined from the part CRCs and sizes (no byte is read again).
 */
export function objectChecksum(options: {
  algorithm: ChecksumAlgorithm;
  type: ChecksumType;
  partChecksums: readonly string[];
  partSizes?: readonly number[];
}): string {
  const { algorithm, partChecksums } = options;
  if (options.type === 'COMPOSITE') {
    const hasher = createChecksumHasher(algorithm);
    for (const checksum of partChecksums) hasher.update(Buffer.from(checksum, 'base64'));
    return `${hasher.digest().toString('base64')}-${partChecksums.length}`;
  }
  if (!isCombinable(algorithm) || !options.partSizes) throw new S3Error('InvalidRequest', `${algorithmName(algorithm)} cannot make a FULL_OBJECT checksum.`);
  let combined: Buffer = Buffer.from(partChecksums[0] ?? '', 'base64');
  for (let i = 1; i < partChecksums.length; i++) combined = combineCrc(algorithm, combined, Buffer.from(partChecksums[i]!, 'base64'), options.partSizes[i]!);
  return combined.toString('base64');
}
