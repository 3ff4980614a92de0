import { CHECKSUM_ALGORITHMS, type ChecksumAlgorithm } from '../../auth/checksum.js';
import { headerValue, type RequestHeaders } from '../../auth/request-headers.js';
import { S3Error } from '../errors.js';
import { isCombinable } from './crc-combine.js';

/** How an upload's part checksums make the object's: a checksum of the checksums, or of the whole object. */
export type ChecksumType = 'COMPOSITE' | 'FULL_OBJECT';

export interface UploadChecksum {
  algorithm: ChecksumAlgorithm;
  type: ChecksumType;
}

/** S3's spelling of an algorithm in headers and XML (`CRC32`, `ChecksumCRC32`). */
export function algorithmName(algorithm: ChecksumAlgorithm): string {
  return algorithm.toUpperCase();
}

/**
 * The checksum a CreateMultipartUpload asks every part to carry: x-amz-checksum-algorithm and
 * x-amz-checksum-type (default: FULL_OBJECT for CRC64NVME, which S3 only combines so, else
 * COMPOSITE). Undefined when it names none.
 * @throws S3Error InvalidRequest for an unknown algorithm, a type without an algorithm, or a
 *   type the algorithm cannot have (SHA checksums cannot be combined into a whole-object one).
 */
export function uploadChecksumFrom(headers: RequestHeaders): UploadChecksum | undefined {
  const name = headerValue(headers, 'x-amz-checksum-algorithm')?.trim().toLowerCase();
  const type = headerValue(headers, 'x-amz-checksum-type')?.trim().toUpperCase();
  if (name === undefined || name === '') {
    if (type !== undefined) throw new S3Error('InvalidRequest', 'The x-amz-checksum-type header can only be used with the x-amz-checksum-algorithm header.');
    return undefined;
  }
  if (!(CHECKSUM_ALGORITHMS as readonly string[]).includes(name)) throw new S3Error('InvalidRequest', `Checksum algorithm ${name} is not supported.`);
  const algorithm = name as ChecksumAlgorithm;
  const chosen = type ?? (algorithm === 'crc64nvme' ? 'FULL_OBJECT' : 'COMPOSITE');
  if (chosen !== 'COMPOSITE' && chosen !== 'FULL_OBJECT') throw new S3Error('InvalidRequest', `Value for x-amz-checksum-type header is invalid: ${type}.`);
  if ((chosen === 'FULL_OBJECT' && !isCombinable(algorithm)) || (chosen === 'COMPOSITE' && algorithm === 'crc64nvme')) {
    throw new S3Error('InvalidRequest', `The ${chosen} checksum type cannot be used with the ${algorithmName(algorithm)} checksum algorithm.`);
  }
  return { algorithm, type: chosen };
}

/** The response headers that name an upload's checksum. */
export function uploadChecksumHeaders(checksum: { checksumAlgorithm: string; checksumType: string }): Record<string, string> {
  if (!checksum.checksumAlgorithm) return {};
  return { 'x-amz-checksum-algorithm': algorithmName(checksum.checksumAlgorithm as ChecksumAlgorithm), 'x-amz-checksum-type': checksum.checksumType };
}

/** The XML fields of a checksum: `ChecksumCRC32` (and `ChecksumType` when given). */
export function checksumXml(checksum: { algorithm: string; value: string; type?: string }): Record<string, string> {
  if (!checksum.algorithm || !checksum.value) return {};
  return { [`Checksum${algorithmName(checksum.algorithm as ChecksumAlgorithm)}`]: checksum.value, ...(checksum.type ? { ChecksumType: checksum.type } : {}) };
}
