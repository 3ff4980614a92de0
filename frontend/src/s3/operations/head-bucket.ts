import { checkBucketName } from '../bucket-names.js';
import { bucketOf, type S3Operation } from '../operation.js';

export const headBucket: S3Operation = async (request, { partitions }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  await partitions.getContainer({ account: request.account, container: bucket }, request.requestId);
  return { status: 200, headers: { 'x-amz-bucket-region': request.region } };
};
