import { checkBucketName } from '../bucket-names.js';
import { checksumXml } from '../multipart/checksum-algorithm.js';
import { parsePageSize, parsePartNumberMarker } from '../multipart/list-params.js';
import { bucketOf, keyOf, type S3Operation } from '../operation.js';
import { xmlDocument, xmlTimestamp } from '../xml.js';

/** ListParts: an open upload's parts in part-number order, a page at a time (part-number-marker). */
export const listParts: S3Operation = async (request, { partitions }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  const query = request.target.query;
  const maxParts = parsePageSize('max-parts', query.get('max-parts'));
  const marker = parsePartNumberMarker(query.get('part-number-marker'));
  const uploadId = query.get('uploadId') ?? '';
  const listing = await partitions.multipart.listParts(
    { upload: { account: request.account, container: bucket, blob: keyOf(request), uploadId }, partNumberMarker: marker, maxParts: Math.max(maxParts, 1) },
    request.requestId,
  );
  const parts = maxParts === 0 ? [] : listing.parts;
  const truncated = maxParts === 0 ? listing.parts.length > 0 : listing.truncated;
  const upload = listing.upload!;
  const owner = { ID: request.account, DisplayName: request.account };
  const body = xmlDocument('ListPartsResult', {
    Bucket: bucket,
    Key: keyOf(request),
    UploadId: uploadId,
    PartNumberMarker: marker,
    ...(parts.length > 0 ? { NextPartNumberMarker: parts.at(-1)!.partNumber } : {}),
    MaxParts: maxParts,
    IsTruncated: truncated,
    ...(parts.length > 0
      ? {
          Part: parts.map((part) => ({
            PartNumber: part.partNumber,
            LastModified: xmlTimestamp(part.lastModifiedMs),
            ETag: `"${part.etag}"`,
            Size: part.sizeBytes,
            ...checksumXml({ algorithm: part.checksumAlgorithm, value: part.checksum }),
          })),
        }
      : {}),
    Initiator: owner,
    Owner: owner,
    StorageClass: 'STANDARD',
    ...(upload.checksumAlgorithm ? { ChecksumAlgorithm: upload.checksumAlgorithm.toUpperCase(), ChecksumType: upload.checksumType } : {}),
  });
  return { status: 200, headers: { 'content-type': 'application/xml' }, body };
};
