import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { PART_NUMBER_MAX } from '@strata/partition-layer';
import { CHECKSUM_ALGORITHMS, type ChecksumAlgorithm } from '../../auth/checksum.js';
import { S3Error } from '../errors.js';
import { algorithmName } from './checksum-algorithm.js';

/** One part a CompleteMultipartUpload lists. */
export interface ListedPart {
  partNumber: number;
  /** Without quotes. */
  etag: string;
  /** Checksum<ALG> elements given, by lower-case algorithm. */
  checksums: Partial<Record<ChecksumAlgorithm, string>>;
}

const parser = new XMLParser({ ignoreAttributes: true, parseTagValue: false, trimValues: true, isArray: (name) => name === 'Part' });

const malformed = (): S3Error =>
  new S3Error('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema');

/**
 * The parts of a CompleteMultipartUpload body, in the order given.
 * @throws S3Error MalformedXML for anything but a CompleteMultipartUpload holding at least one
 *   Part with a PartNumber and an ETag; InvalidArgument for a part number outside 1..10,000;
 *   InvalidPartOrder when the numbers do not ascend.
 */
export function parseCompleteRequest(body: Buffer): ListedPart[] {
  const text = body.toString('utf8');
  if (text.trim() === '' || XMLValidator.validate(text) !== true) throw malformed();
  const document = parser.parse(text) as { CompleteMultipartUpload?: { Part?: unknown[] } | string };
  const root = document.CompleteMultipartUpload;
  if (root === undefined || typeof root !== 'object' || !Array.isArray(root.Part) || root.Part.length === 0) throw malformed();
  const parts = root.Part.map(listedPart);
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
  const number = fields.PartNumber;
  const etag = fields.ETag;
  if (typeof number !== 'string' || typeof etag !== 'string' || !/^\d+$/.test(number) || etag === '') throw malformed();
  const partNumber = Number(number);
  if (partNumber < 1 || partNumber > PART_NUMBER_MAX) {
    throw new S3Error('InvalidArgument', `Part number must be an integer between 1 and ${PART_NUMBER_MAX}, inclusive`, { argumentName: 'partNumber', argumentValue: number });
  }
  const checksums: ListedPart['checksums'] = {};
  for (const algorithm of CHECKSUM_ALGORITHMS) {
    const value = fields[`Checksum${algorithmName(algorithm)}`];
    if (typeof value === 'string' && value !== '') checksums[algorithm] = value;
  }
  return { partNumber, etag: etag.replace(/^"(.*)"$/, '$1'), checksums };
}
