import { checkBucketName } from '../bucket-names.js';
import { listName, parseEncodingType } from '../list-query.js';
import { parsePageSize } from '../multipart/list-params.js';
import { bucketOf, type S3Operation } from '../operation.js';
import { xmlDocument, xmlTimestamp } from '../xml.js';

/**
 * ListMultipartUploads: the bucket's open uploads in (key, initiation) order, with prefix,
 * delimiter, and key-marker / upload-id-marker pages.
 */
export const listMultipartUploads: S3Operation = async (request, { partitions }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  const query = request.target.query;
  const maxUploads = parsePageSize('max-uploads', query.get('max-uploads'));
  const encoding = parseEncodingType(query.get('encoding-type'));
  const prefix = query.get('prefix') ?? '';
  const delimiter = query.get('delimiter') ?? '';
  const keyMarker = query.get('key-marker') ?? '';
  // upload-id-marker counts only with a key-marker (S3 ignores it otherwise).
  const uploadIdMarker = keyMarker ? (query.get('upload-id-marker') ?? '') : '';
  await partitions.getContainer({ account: request.account, container: bucket }, request.requestId);
  // A key-marker that is a common prefix (NextKeyMarker of a delimited page) resumes after everything under it.
  const keyMarkerIsPrefix = delimiter !== '' && uploadIdMarker === '' && keyMarker.length > prefix.length && keyMarker.endsWith(delimiter);
  const listing =
    maxUploads === 0
      ? { entries: [], truncated: false }
      : await partitions.multipart.listUploads(
          { account: request.account, container: bucket, prefix, delimiter, keyMarker, uploadIdMarker, keyMarkerIsPrefix, maxResults: maxUploads },
          request.requestId,
        );
  const uploads = listing.entries.flatMap((entry) => (entry.upload ? [entry.upload] : []));
  const prefixes = listing.entries.flatMap((entry) => (entry.commonPrefix ? [entry.commonPrefix] : []));
  const last = listing.entries.at(-1);
  const owner = { ID: request.account, DisplayName: request.account };
  const body = xmlDocument('ListMultipartUploadsResult', {
    Bucket: bucket,
    KeyMarker: listName(keyMarker, encoding),
    UploadIdMarker: uploadIdMarker,
    ...(listing.truncated && last
      ? { NextKeyMarker: listName(last.upload?.blob ?? last.commonPrefix ?? '', encoding), NextUploadIdMarker: last.upload?.uploadId ?? '' }
      : {}),
    ...(query.has('delimiter') ? { Delimiter: listName(delimiter, encoding) } : {}),
    Prefix: listName(prefix, encoding),
    MaxUploads: maxUploads,
    IsTruncated: listing.truncated,
    ...(uploads.length > 0
      ? {
          Upload: uploads.map((upload) => ({
            Key: listName(upload.blob, encoding),
            UploadId: upload.uploadId,
            Initiator: owner,
            Owner: owner,
            StorageClass: 'STANDARD',
            Initiated: xmlTimestamp(upload.initiatedMs),
            ...(upload.checksumAlgorithm ? { ChecksumAlgorithm: upload.checksumAlgorithm.toUpperCase(), ChecksumType: upload.checksumType } : {}),
          })),
        }
      : {}),
    ...(prefixes.length > 0 ? { CommonPrefixes: prefixes.map((p) => ({ Prefix: listName(p, encoding) })) } : {}),
    ...(encoding ? { EncodingType: encoding } : {}),
  });
  return { status: 200, headers: { 'content-type': 'application/xml' }, body };
};
