import { checkBucketName } from '../bucket-names.js';
import { bucketOf, type S3Operation } from '../operation.js';
import { accessFromCannedAcl } from '../public-access.js';

/**
 * Creates a bucket. The optional CreateBucketConfiguration body (a region) is read and ignored.
 * A canned x-amz-acl (private, public-read) sets the container's public access.
 */
export const createBucket: S3Operation = async (request, { partitions }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  const acl = request.headers['x-amz-acl'];
  const access = typeof acl === 'string' ? accessFromCannedAcl(acl) : '';
  for await (const chunk of request.body) void chunk;
  await partitions.createContainer({ account: request.account, container: bucket }, request.requestId);
  if (access !== '') {
    await partitions.setContainerProperties(
      { account: request.account, container: bucket, properties: { publicAccess: access }, fields: ['public_access'] },
      request.requestId,
    );
  }
  return { status: 200, headers: { location: `/${bucket}` } };
};
