import { checkBucketName } from '../bucket-names.js';
import { bucketOf, keyOf, type S3Operation } from '../operation.js';

/** Deletes an object; deleting a missing key succeeds too (S3 semantics), a missing bucket does not. */
export const deleteObject: S3Operation = async (request, { partitions }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  await partitions.deleteBlob({ account: request.account, container: bucket, blob: keyOf(request) }, request.requestId);
  return { status: 204 };
};
