import { checkBucketName } from '../bucket-names.js';
import { bucketOf, type S3Operation, type S3Request } from '../operation.js';
import { accessFromCannedAcl } from '../public-access.js';
import { readSmallBody } from '../small-body.js';
import { tagsIn, type Tag } from '../tag-set.js';
import { parseXmlDocument } from '../xml-body.js';

/** A CreateBucketConfiguration: a region and up to 50 tags fit well inside this. */
const CONFIGURATION_BYTES_MAX = 128 * 1024;

/**
 * Creates a bucket. Of the optional CreateBucketConfiguration body, the region is ignored and
 * the tags (`Tags`) are kept as PutBucketTagging keeps them. A canned x-amz-acl (private,
 * public-read) sets the container's public access. Both are set just after the container is
 * made, checked before.
 */
export const createBucket: S3Operation = async (request, { partitions }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  const acl = request.headers['x-amz-acl'];
  const access = typeof acl === 'string' ? accessFromCannedAcl(acl) : '';
  const tags = await configuredTags(request);
  await partitions.createContainer({ account: request.account, container: bucket }, request.requestId);
  const properties = { ...(access !== '' ? { publicAccess: access } : {}), ...(tags.length > 0 ? { tags } : {}) };
  const fields = [...(access !== '' ? ['public_access'] : []), ...(tags.length > 0 ? ['tags'] : [])];
  if (fields.length > 0) {
    await partitions.setContainerProperties({ account: request.account, container: bucket, properties, fields }, request.requestId);
  }
  return { status: 200, headers: { location: `/${bucket}` } };
};

/** The tags of the request's CreateBucketConfiguration, if it has a body that holds some. */
async function configuredTags(request: S3Request): Promise<Tag[]> {
  // Most CreateBucket requests have no body, and some no Content-Length: nothing to read then.
  const length = request.headers['content-length'];
  if ((length === undefined || length.trim() === '0') && request.headers['transfer-encoding'] === undefined) return [];
  const text = (await readSmallBody(request, CONFIGURATION_BYTES_MAX)).toString('utf8');
  if (text.trim() === '') return [];
  const configuration = parseXmlDocument(text, 'CreateBucketConfiguration');
  return configuration.Tags === undefined ? [] : tagsIn(configuration, 'Tags', 'bucket');
}
