import { checkBucketName } from '../bucket-names.js';
import { objectHeaders } from '../object-headers.js';
import { bucketOf, keyOf, type S3Operation } from '../operation.js';

export const headObject: S3Operation = async (request, { partitions }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  const info = await partitions.getBlob({ account: request.account, container: bucket, blob: keyOf(request) }, request.requestId);
  return { status: 200, headers: objectHeaders(info.record!) };
};
