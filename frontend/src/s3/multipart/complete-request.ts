import { PART_NUMBER_MAX } from '@strata/partition-layer';
import { CHECKSUM_ALGORITHMS, type ChecksumAlgorithm } from '../../auth/checksum.js';
import { S3Error } from '../errors.js';
import { malformed, xmlText } from '../xml-body.js';
import { algorithmName } from './checksum-algorithm.js';

/** One part a CompleteMultipartUpload lists. */
export interface ListedPart {
  partNumber: number;
  /** Without quotes. */
  etag: string;
  /** Checksum<ALG> elements given, by lower-case algorithm. */
  checksums: Partial<Record<ChecksumAlgorithm, string>>;
}

/**
 * The parts a CompleteMultipartUpload body lists, in the order given, from its parsed root
 * element (`readXmlBody`, which decodes entities: Go's encoder sends ETag quotes as &#34;).
 * @throws S3Error MalformedXML unless it holds at least one Part with a PartNumber and an
 *   ETag; InvalidArgument for a part number outside 1..10,000; InvalidPartOrder when the
 *   numbers do not ascend.
 */
export function parseCompleteRequest(root: Record<string, unknown>): ListedPart[] {
  const elements = root.Part;
  if (!Array.isArray(elements) || elements.length === 0) throw malformed();
  const parts = elements.map(listedPart);
  parts.forEach((part, i) => {
    if (i > 0 && part.partNumber <= parts[i - 1]!.partNumber) {
      throw new S3Error('InvalidPartOrder', 'The list of parts was not in ascending order. Parts must be ordered by part number.');
    }
  });
  return parts;
}

function listedPart(element: unknown): ListedPart {
  if (typeof element !== 'object' || element === null) throw malformed();
  const fields = element as Record<string, unknown>;
  const number = xmlText(fields, 'PartNumber')?.trim();
  const etag = xmlText(fields, 'ETag')?.trim();
  if (number === undefined || etag === undefined || !/^\d+$/.test(number) || etag === '') throw malformed();
  const partNumber = Number(number);
  if (partNumber < 1 || partNumber > PART_NUMBER_MAX) {
    throw new S3Error('InvalidArgument', `Part number must be an integer between 1 and ${PART_NUMBER_MAX}, inclusive`, {
      argumentName: 'partNumber',
      argumentValue: number,
    });
  }
  const checksums: ListedPart['checksums'] = {};
  for (const algorithm of CHECKSUM_ALGORITHMS) {
    const value = xmlText(fields, `Checksum${algorithmName(algorithm)}`)?.trim();
    if (value) checksums[algorithm] = value;
  }
  return { partNumber, etag: etag.replace(/^"(.*)"$/, '$1'), checksums };
}
