import { checkBucketName } from '../bucket-names.js';
import { S3Error } from '../errors.js';
import { parseEncodingType, parseMaxKeys } from '../list-query.js';
import { bucketOf, type S3Operation } from '../operation.js';
import { versionListingXml } from '../version-listing-xml.js';

/**
 * ListObjectVersions (GET ?versions): every version and delete marker of the bucket's keys in
 * key order, newest first within a key, with prefix, delimiter, max-keys, encoding-type=url and
 * key-marker / version-id-marker pages. A version-id-marker without a key-marker is 400
 * InvalidArgument, as in S3; a malformed one is 400 InvalidArgument (from the partition layer).
 */
export const listObjectVersions: S3Operation = async (request, { partitions }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  const query = request.target.query;
  const maxKeys = parseMaxKeys(query.get('max-keys'));
  const encoding = parseEncodingType(query.get('encoding-type'));
  const prefix = query.get('prefix') ?? '';
  const delimiter = query.get('delimiter') ?? '';
  const keyMarker = query.get('key-marker') ?? '';
  const versionIdMarker = query.get('version-id-marker') ?? '';
  if (versionIdMarker !== '' && keyMarker === '') {
    throw new S3Error('InvalidArgument', 'A version-id marker cannot be specified without a key marker.', {
      argumentName: 'version-id-marker',
      argumentValue: versionIdMarker,
    });
  }
  await partitions.getContainer({ account: request.account, container: bucket }, request.requestId);
  // A key-marker that is a common prefix (NextKeyMarker of a delimited page) resumes after everything under it.
  const keyMarkerIsPrefix = delimiter !== '' && versionIdMarker === '' && keyMarker.length > prefix.length && keyMarker.endsWith(delimiter);
  const listing =
    maxKeys === 0
      ? { entries: [], truncated: false }
      : await partitions.listBlobVersions(
          { account: request.account, container: bucket, prefix, delimiter, keyMarker, versionIdMarker, keyMarkerIsPrefix, maxResults: maxKeys },
          request.requestId,
        );
  const body = versionListingXml(
    {
      bucket,
      prefix,
      delimiter: delimiter === '' ? undefined : delimiter,
      keyMarker,
      versionIdMarker,
      maxKeys,
      truncated: listing.truncated,
      encoding,
      owner: request.account,
    },
    listing.entries,
  );
  return { status: 200, headers: { 'content-type': 'application/xml' }, body };
};
