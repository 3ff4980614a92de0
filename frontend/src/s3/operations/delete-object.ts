import { checkBucketName } from '../bucket-names.js';
import { versionIdOf, versioningOf } from '../object-versions.js';
import { bucketOf, keyOf, type S3Operation } from '../operation.js';

/**
 * Deletes an object; deleting a missing key succeeds too (S3 semantics), a missing bucket does
 * not. In a versioned (or suspended) bucket it writes a delete marker instead; with `versionId`
 * it removes that version for good (a missing one is 204 too), and removing the current one
 * makes the newest remaining version current.
 */
export const deleteObject: S3Operation = async (request, { partitions, containers }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  const versionId = versionIdOf(request);
  const versioning = versionId === undefined ? await versioningOf(containers, request, bucket) : '';
  const reply = await partitions.deleteBlob(
    { account: request.account, container: bucket, blob: keyOf(request), versionId: versionId ?? '', versioning },
    request.requestId,
  );
  const headers: Record<string, string> = {};
  if (reply.deleteMarker) headers['x-amz-delete-marker'] = 'true';
  if (versionId !== undefined) headers['x-amz-version-id'] = versionId;
  else if (versioning !== '') headers['x-amz-version-id'] = reply.versionId || 'null';
  return { status: 204, headers };
};
