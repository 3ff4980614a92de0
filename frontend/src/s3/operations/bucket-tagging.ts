import { checkBucketName } from '../bucket-names.js';
import { S3Error } from '../errors.js';
import { bucketOf, type S3Operation } from '../operation.js';
import { tagSetFromXml, tagSetToXml } from '../tag-set.js';
import { readXmlBody } from '../xml-body.js';
import { xmlDocument } from '../xml.js';
import { TAGGING_BODY_BYTES_MAX } from './object-tagging.js';

/** PutBucketTagging: replaces the bucket's tags (kept with its settings); an empty TagSet removes them. */
export const putBucketTagging: S3Operation = async (request, { partitions }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  const tags = tagSetFromXml(await readXmlBody(request, 'Tagging', TAGGING_BODY_BYTES_MAX), 'bucket');
  await partitions.setContainerProperties({ account: request.account, container: bucket, properties: { tags }, fields: ['tags'] }, request.requestId);
  return { status: 204 };
};

/** GetBucketTagging: the bucket's tags in key order, or 404 NoSuchTagSet when it has none. */
export const getBucketTagging: S3Operation = async (request, { partitions }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  const info = await partitions.getContainer({ account: request.account, container: bucket }, request.requestId);
  const tags = info.properties?.tags ?? [];
  if (tags.length === 0) throw new S3Error('NoSuchTagSet', 'The TagSet does not exist', { bucketName: bucket });
  return { status: 200, headers: { 'content-type': 'application/xml' }, body: xmlDocument('Tagging', tagSetToXml(tags)) };
};

/** DeleteBucketTagging: removes the bucket's tags (204, also when it had none). */
export const deleteBucketTagging: S3Operation = async (request, { partitions }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  await partitions.setContainerProperties({ account: request.account, container: bucket, properties: { tags: [] }, fields: ['tags'] }, request.requestId);
  return { status: 204 };
};
