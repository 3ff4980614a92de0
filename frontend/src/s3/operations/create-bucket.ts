import { checkBucketName } from '../bucket-names.js';
import { bucketOf, type S3Operation } from '../operation.js';

/** Creates a bucket. The optional CreateBucketConfiguration body (a region) is read and ignored. */
export const createBucket: S3Operation = async (request, { partitions }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  for await (const chunk of request.body) void chunk;
  await partitions.createContainer({ account: request.account, container: bucket }, request.requestId);
  return { status: 200, headers: { location: `/${bucket}` } };
};
