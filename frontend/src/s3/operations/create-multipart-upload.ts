import { blobPropertiesFrom } from '../blob-properties.js';
import { checkBucketName } from '../bucket-names.js';
import { uploadChecksumFrom, uploadChecksumHeaders } from '../multipart/checksum-algorithm.js';
import { bucketOf, keyOf, type S3Operation } from '../operation.js';
import { tagSetFromHeader } from '../tag-set.js';
import { xmlDocument } from '../xml.js';

/**
 * CreateMultipartUpload: records an upload next to its blob's key with the properties the
 * blob will have (Content-Type, x-amz-meta-*, ...), its tags (x-amz-tagging, applied at the
 * completion) and the checksum its parts must carry.
 */
export const createMultipartUpload: S3Operation = async (request, { partitions }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  const properties = blobPropertiesFrom(request.headers);
  const checksum = uploadChecksumFrom(request.headers);
  const tags = tagSetFromHeader(request) ?? [];
  const upload = await partitions.multipart.createUpload(
    {
      account: request.account,
      container: bucket,
      blob: keyOf(request),
      properties,
      checksumAlgorithm: checksum?.algorithm ?? '',
      checksumType: checksum?.type ?? '',
      tags,
    },
    request.requestId,
  );
  const body = xmlDocument('InitiateMultipartUploadResult', { Bucket: bucket, Key: keyOf(request), UploadId: upload.uploadId });
  return { status: 200, headers: { 'content-type': 'application/xml', ...uploadChecksumHeaders(upload) }, body };
};
