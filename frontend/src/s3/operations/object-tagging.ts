import { checkBucketName } from '../bucket-names.js';
import { versionIdHeader, versionIdOf } from '../object-versions.js';
import { bucketOf, keyOf, type S3Operation, type S3Request } from '../operation.js';
import { tagSetFromXml, tagSetToXml, type Tag } from '../tag-set.js';
import { readXmlBody } from '../xml-body.js';
import { xmlDocument } from '../xml.js';

/** 50 tags of 128 + 256 characters, 4 bytes each in UTF-8, with their markup fit well inside this. */
export const TAGGING_BODY_BYTES_MAX = 128 * 1024;

/** GetObjectTagging: the object's tags, in key order (an empty TagSet when it has none). */
export const getObjectTagging: S3Operation = async (request, { partitions }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  const info = await partitions.getBlob(
    { account: request.account, container: bucket, blob: keyOf(request), versionId: versionIdOf(request) ?? '' },
    request.requestId,
  );
  return {
    status: 200,
    headers: { 'content-type': 'application/xml', ...versionIdHeader(info.record!) },
    body: xmlDocument('Tagging', tagSetToXml(info.record!.tags)),
  };
};

/**
 * PutObjectTagging: replaces the object's tags. Only the tags change (SetBlobTags): the
 * bytes, ETag and Last-Modified stay. An empty TagSet removes them.
 */
export const putObjectTagging: S3Operation = async (request, deps) => {
  checkBucketName(bucketOf(request));
  const tags = tagSetFromXml(await readXmlBody(request, 'Tagging', TAGGING_BODY_BYTES_MAX), 'object');
  return { status: 200, headers: await setTags(request, deps, tags) };
};

/** DeleteObjectTagging: removes the object's tags (204, also when it had none). */
export const deleteObjectTagging: S3Operation = async (request, deps) => {
  checkBucketName(bucketOf(request));
  return { status: 204, headers: await setTags(request, deps, []) };
};

/** Sets the tags of the object (or of its version `versionId`); the version's x-amz-version-id header. */
async function setTags(request: S3Request, { partitions }: Parameters<S3Operation>[1], tags: Tag[]): Promise<Record<string, string>> {
  const versionId = versionIdOf(request) ?? '';
  const info = await partitions.setBlobTags(
    { account: request.account, container: bucketOf(request), blob: keyOf(request), tags, versionId },
    request.requestId,
  );
  return versionIdHeader(info.record!);
}
