import { rethrowIfAssertion } from '@strata/common';
import { checkBucketName } from '../bucket-names.js';
import { S3Error } from '../errors.js';
import { toS3Error } from '../map-error.js';
import { versioningOf } from '../object-versions.js';
import { bucketOf, type S3Operation } from '../operation.js';
import { malformed, readXmlBody, xmlElements, xmlText } from '../xml-body.js';
import { xmlDocument } from '../xml.js';

/** S3's limit on the keys of one DeleteObjects request. */
const KEYS_PER_REQUEST_MAX = 1000;
/** 1,000 keys of up to 1 KiB each, escaped, with their XML around them. */
const BODY_BYTES_MAX = 2 * 1024 * 1024;
/** Deletes in flight at once: enough to hide round trips, few enough not to flood one partition. */
const CONCURRENCY = 16;

/**
 * DeleteObjects (POST ?delete): up to 1,000 keys in one request, each deleted on its own (one
 * key failing does not stop the others). A missing key counts as deleted, as in S3. Quiet mode
 * reports only the failures. An object may name a VersionId (that version is removed); in a
 * versioned bucket one without writes a delete marker, reported as S3 does (DeleteMarker,
 * DeleteMarkerVersionId). S3 requires the body to carry Content-MD5 or an x-amz-checksum-*,
 * since a damaged list would delete the wrong keys.
 */
export const deleteObjects: S3Operation = async (request, { partitions, containers }) => {
  const bucket = bucketOf(request);
  checkBucketName(bucket);
  const headers = request.headers;
  if (
    headers['content-md5'] === undefined &&
    !Object.keys(headers).some((name) => name.startsWith('x-amz-checksum-') && name !== 'x-amz-checksum-algorithm') &&
    headers['x-amz-trailer'] === undefined
  ) {
    throw new S3Error('InvalidRequest', 'Missing required header for this request: Content-MD5 or x-amz-checksum-*');
  }
  const root = await readXmlBody(request, 'Delete', BODY_BYTES_MAX);
  const quiet = (xmlText(root, 'Quiet') ?? 'false').trim().toLowerCase() === 'true';
  const keys = xmlElements(root, 'Object').map((object) => {
    const key = xmlText(object, 'Key');
    if (key === undefined || key === '') throw malformed();
    return { key, versionId: xmlText(object, 'VersionId') };
  });
  if (keys.length === 0 || keys.length > KEYS_PER_REQUEST_MAX) throw malformed();
  // A missing bucket fails the whole request, as in S3, rather than each key.
  await partitions.getContainer({ account: request.account, container: bucket }, request.requestId);
  const versioning = await versioningOf(containers, request, bucket);
  const outcomes = new Array<{ key: string; versionId?: string; deleted?: Record<string, unknown>; error?: { Code: string; Message: string } }>(keys.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < keys.length) {
      const index = next++;
      const { key, versionId } = keys[index]!;
      try {
        const reply = await partitions.deleteBlob(
          { account: request.account, container: bucket, blob: key, versionId: versionId ?? '', versioning: versionId === undefined ? versioning : '' },
          request.requestId,
        );
        const markerId = versionId ?? (reply.versionId || 'null');
        outcomes[index] = {
          key,
          deleted: {
            Key: key,
            ...(versionId !== undefined ? { VersionId: versionId } : {}),
            ...(reply.deleteMarker ? { DeleteMarker: true, DeleteMarkerVersionId: markerId } : {}),
          },
        };
      } catch (error) {
        rethrowIfAssertion(error);
        const s3Error = toS3Error(error);
        if (s3Error.code === 'NoSuchKey') outcomes[index] = { key, deleted: { Key: key } };
        else outcomes[index] = { key, ...(versionId !== undefined ? { versionId } : {}), error: { Code: s3Error.code, Message: s3Error.message } };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, keys.length) }, worker));
  const deleted = outcomes.filter((outcome) => !outcome.error && !quiet).map((outcome) => outcome.deleted);
  const errors = outcomes
    .filter((outcome) => outcome.error)
    .map((outcome) => ({ Key: outcome.key, ...(outcome.versionId !== undefined ? { VersionId: outcome.versionId } : {}), ...outcome.error }));
  return {
    status: 200,
    headers: { 'content-type': 'application/xml' },
    body: xmlDocument('DeleteResult', { ...(deleted.length ? { Deleted: deleted } : {}), ...(errors.length ? { Error: errors } : {}) }),
  };
};
