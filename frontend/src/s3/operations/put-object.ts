import { blobPropertiesFrom } from '../blob-properties.js';
import { checkBucketName } from '../bucket-names.js';
import { S3Error } from '../errors.js';
import { bucketOf, keyOf, type S3Operation, type S3Request } from '../operation.js';
import { checkObjectAcl, publicAccessOf } from '../public-access.js';
import { storedBody } from '../stored-body.js';
import { versionIdHeader, versioningOf } from '../object-versions.js';
import { tagSetFromHeader } from '../tag-set.js';

/**
 * Stores the body (storedBody: appended by this front-end, or sent to the partition when small)
 * and commits it in the partition that owns the key, only after the body has ended with every
 * check passed and the byte count the client declared. The object's tags are x-amz-tagging's:
 * a PUT without it replaces the object and leaves it untagged, as in S3.
 */
export const putObject: S3Operation = async (request, { partitions, containers, blobData }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  const acl = request.headers['x-amz-acl'];
  if (typeof acl === 'string') checkObjectAcl(acl, publicAccessOf((await containers.get(request.account, bucket, request.requestId))?.publicAccess));
  const properties = blobPropertiesFrom(request.headers);
  const tags = tagSetFromHeader(request) ?? [];
  const conditions = writeConditions(request.headers);
  const versioning = await versioningOf(containers, request, bucket);
  const stored = storedBody(request, blobData);
  const { body } = stored;
  const info = await partitions
    .putBlob({
      header: { account: request.account, container: bucket, blob: keyOf(request), properties, tags, versioning, ...conditions },
      body: stored.segments,
      expectedBytes: body.expectedBytes,
      requestId: request.requestId,
      beforeCommit: async () => {
        stored.checkComplete();
        const checksum = body.checksum();
        return { contentMd5: body.md5(), ...(checksum ? { checksumAlgorithm: checksum.algorithm, checksumValue: checksum.base64 } : {}) };
      },
    })
    .finally(stored.end);
  const checksum = body.checksum();
  const headers: Record<string, string> = { etag: `"${info.record?.etag}"`, ...versionIdHeader(info.record!) };
  if (checksum) headers[`x-amz-checksum-${checksum.algorithm}`] = checksum.base64;
  return { status: 200, headers };
};

/**
 * S3's conditional writes: `If-None-Match: *` (only if the key holds nothing) and `If-Match`
 * (only if it holds that ETag). S3 takes no other If-None-Match value on a write.
 */
export function writeConditions(headers: S3Request['headers']): { ifNoneMatch?: string; ifMatch?: string } {
  const ifNoneMatch = headers['if-none-match'];
  const ifMatch = headers['if-match'];
  if (ifNoneMatch !== undefined && ifNoneMatch.trim() !== '*') {
    throw new S3Error('NotImplemented', 'A header you provided implies functionality that is not implemented.', { header: 'If-None-Match' });
  }
  return {
    ...(ifNoneMatch !== undefined ? { ifNoneMatch: '*' } : {}),
    ...(ifMatch !== undefined ? { ifMatch: ifMatch.trim().replace(/^"(.*)"$/, '$1') } : {}),
  };
}
