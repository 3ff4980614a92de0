import { checkBucketName } from '../bucket-names.js';
import { bucketOf, type S3Operation } from '../operation.js';

/** Deletes an empty bucket; a bucket holding objects is BucketNotEmpty. */
export const deleteBucket: S3Operation = async (request, { partitions }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  await partitions.deleteContainer({ account: request.account, container: bucket }, request.requestId);
  return { status: 204 };
};
