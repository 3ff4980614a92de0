import { checkBucketName } from '../bucket-names.js';
import { bucketOf, type S3Operation } from '../operation.js';
import { xmlDocument } from '../xml.js';

/**
 * GetBucketVersioning: Strata keeps one version of each key, so versioning is "never enabled",
 * which S3 says with an empty VersioningConfiguration. Enabling it (PutBucketVersioning)
 * answers 501 NotImplemented.
 */
export const getBucketVersioning: S3Operation = async (request, { partitions }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  await partitions.getContainer({ account: request.account, container: bucket }, request.requestId);
  return { status: 200, headers: { 'content-type': 'application/xml' }, body: xmlDocument('VersioningConfiguration', {}) };
};
