import { checkBucketName } from '../bucket-names.js';
import { S3Error } from '../errors.js';
import { bucketOf, keyOf, type S3Operation } from '../operation.js';
import { xmlDocument } from '../xml.js';

/**
 * GetObjectTagging: Strata keeps no object tags, so every object's tag set is empty (tools ask
 * for it before copying, e.g. aws cli's multipart S3-to-S3 copy). Setting tags, by
 * PutObjectTagging or the x-amz-tagging header, answers 501 (see `refuseTagging`), so an empty
 * set is never a lie.
 */
export const getObjectTagging: S3Operation = async (request, { partitions }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  await partitions.getBlob({ account: request.account, container: bucket, blob: keyOf(request) }, request.requestId);
  return { status: 200, headers: { 'content-type': 'application/xml' }, body: xmlDocument('Tagging', { TagSet: '' }) };
};

/**
 * Tags sent with a write (x-amz-tagging on PutObject, CreateMultipartUpload, CopyObject with
 * REPLACE) answer 501 rather than being dropped silently.
 * @throws S3Error NotImplemented
 */
export function refuseTagging(request: { headers: Record<string, unknown> }): void {
  const tagging = request.headers['x-amz-tagging'];
  if (typeof tagging === 'string' && tagging !== '') {
    throw new S3Error('NotImplemented', 'Strata keeps no object tags: send the object without x-amz-tagging.', { header: 'x-amz-tagging' });
  }
}
