import { checkBucketName } from '../bucket-names.js';
import { bucketOf, type S3Operation } from '../operation.js';
import { xmlDocument } from '../xml.js';

/** The bucket's region: the stamp's region, which is what the client signed with. */
export const getBucketLocation: S3Operation = async (request, { partitions }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  await partitions.getContainer({ account: request.account, container: bucket }, request.requestId);
  // S3 answers an empty constraint for us-east-1.
  const region = request.region === 'us-east-1' ? '' : request.region;
  return { status: 200, headers: { 'content-type': 'application/xml' }, body: xmlDocument('LocationConstraint', { '#text': region }) };
};
