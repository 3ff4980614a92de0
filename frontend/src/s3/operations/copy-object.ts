import { blobPropertiesFrom } from '../blob-properties.js';
import { checkBucketName } from '../bucket-names.js';
import { checkCopySourceConditions, parseCopySource } from '../copy-source.js';
import { S3Error } from '../errors.js';
import { checksumXml } from '../multipart/checksum-algorithm.js';
import { bucketOf, keyOf, type S3Operation, type S3Request } from '../operation.js';
import { tagSetFromHeader } from '../tag-set.js';
import { copySourceRead, versionIdHeader, versioningOf } from '../object-versions.js';
import { xmlDocument, xmlTimestamp } from '../xml.js';
import { writeConditions } from './put-object.js';

/**
 * x-amz-metadata-directive or x-amz-tagging-directive: COPY (the default: the source's
 * properties, or tags) or REPLACE (the request's).
 */
function directive(request: S3Request, of: 'metadata' | 'tagging'): 'COPY' | 'REPLACE' {
  const header = `x-amz-${of}-directive`;
  const value = request.headers[header];
  const named = (Array.isArray(value) ? value[0] : value)?.trim().toUpperCase() ?? 'COPY';
  if (named !== 'COPY' && named !== 'REPLACE') {
    throw new S3Error('InvalidArgument', `Unknown ${of} directive.`, { argumentName: header, argumentValue: named });
  }
  return named;
}

/**
 * CopyObject, server-side and by reference: the front-end reads the source's record and asks
 * the destination's partition (which may be another partition, on another server) to commit a
 * record of the same block pointers. No byte is read or written, so the time does not depend
 * on the size. The copy keeps the source's ETag (its bytes are the same), its properties unless
 * the metadata directive is REPLACE, and its tags unless the tagging directive is REPLACE (then
 * x-amz-tagging's, none without it).
 */
export const copyObject: S3Operation = async (request, { partitions, containers }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  const source = parseCopySource(request);
  const metadata = directive(request, 'metadata');
  // Copying an older version onto its own key is how S3 restores it: allowed.
  if (source.bucket === bucket && source.key === keyOf(request) && metadata === 'COPY' && source.versionId === undefined) {
    throw new S3Error(
      'InvalidRequest',
      "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.",
    );
  }
  const conditions = writeConditions(request.headers);
  const replaced = metadata === 'REPLACE' ? blobPropertiesFrom(request.headers) : undefined;
  const replacedTags = directive(request, 'tagging') === 'REPLACE' ? (tagSetFromHeader(request) ?? []) : undefined;
  const info = await copySourceRead(() =>
    partitions.getBlob({ account: request.account, container: source.bucket, blob: source.key, versionId: source.versionId ?? '' }, request.requestId),
  );
  const record = info.record!;
  checkCopySourceConditions(request, record);
  const versioning = await versioningOf(containers, request, bucket);
  const stored = await partitions.copyBlob(
    {
      account: request.account,
      container: bucket,
      blob: keyOf(request),
      // The partition layer drops the source's version fields: the copy is a version of its own.
      record: { ...record, properties: replaced ?? record.properties, tags: replacedTags ?? record.tags },
      versioning,
      ...conditions,
    },
    request.requestId,
  );
  const body = xmlDocument('CopyObjectResult', {
    ETag: `"${stored.record!.etag}"`,
    LastModified: xmlTimestamp(stored.record!.lastModifiedMs),
    ...checksumXml({ algorithm: record.checksumAlgorithm, value: record.checksumValue, type: record.multipart?.checksumType || 'FULL_OBJECT' }),
  });
  const sourceVersion = versionIdHeader(record)['x-amz-version-id'];
  const headers: Record<string, string> = {
    'content-type': 'application/xml',
    ...versionIdHeader(stored.record!),
    ...(sourceVersion ? { 'x-amz-copy-source-version-id': sourceVersion } : {}),
  };
  return { status: 200, headers, body };
};
