import { checkBucketName } from '../bucket-names.js';
import { bucketOf, keyOf, type S3Operation } from '../operation.js';

/** AbortMultipartUpload: removes an open upload and its parts; an unknown one is NoSuchUpload. */
export const abortMultipartUpload: S3Operation = async (request, { partitions }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  const uploadId = request.target.query.get('uploadId') ?? '';
  await partitions.multipart.abortUpload({ account: request.account, container: bucket, blob: keyOf(request), uploadId }, request.requestId);
  return { status: 204 };
};
