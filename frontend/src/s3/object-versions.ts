import { isStrataError, rethrowIfAssertion } from '@strata/common';
import type { partitionV1 } from '@strata/protos';
import type { ContainerSettingsCache } from './container-settings.js';
import { S3Error } from './errors.js';
import type { S3Request } from './operation.js';

/**
 * The `versionId` query parameter of an object request: undefined when absent. An empty one is
 * 400 InvalidArgument, as in S3; one Strata never makes is refused by the partition layer
 * (INVALID_ARGUMENT: 400 InvalidArgument "Invalid version id specified").
 */
export function versionIdOf(request: S3Request): string | undefined {
  const versionId = request.target.query.get('versionId');
  if (versionId === null) return undefined;
  if (versionId === '') throw new S3Error('InvalidArgument', 'Version id cannot be the empty string', { argumentName: 'versionId', argumentValue: '' });
  return versionId;
}

/**
 * The bucket's versioning ("", "Enabled", "Suspended") from the front-end's short-lived
 * settings cache, stated to the partition layer with each write so an unversioned write reads
 * nothing more than before. A missing bucket is '' here; the write then fails NoSuchBucket.
 */
export async function versioningOf(containers: ContainerSettingsCache, request: S3Request, bucket: string): Promise<string> {
  return (await containers.get(request.account, bucket, request.requestId))?.versioning ?? '';
}

/**
 * S3's x-amz-version-id for a record: its id, "null" for a null version written while the
 * bucket was versioned or suspended (it has an order), none for one of a bucket never versioned.
 */
export function versionIdHeader(record: Pick<partitionV1.BlobRecord__Output, 'versionId' | 'versionOrder'>): Record<string, string> {
  if (record.versionId) return { 'x-amz-version-id': record.versionId };
  return record.versionOrder > 0 ? { 'x-amz-version-id': 'null' } : {};
}

/**
 * What a GET or HEAD answers for a delete marker: 404 NoSuchKey for the current version,
 * 405 MethodNotAllowed for one named by id, both with x-amz-delete-marker (S3).
 */
export function deleteMarkerError(record: partitionV1.BlobRecord__Output, byId: boolean, method: string): S3Error {
  const error = byId
    ? new S3Error('MethodNotAllowed', 'The specified method is not allowed against this resource.', { method, resourceType: 'DeleteMarker' })
    : new S3Error('NoSuchKey', 'The specified key does not exist.');
  return error.withHeaders({
    'x-amz-delete-marker': 'true',
    ...versionIdHeader(record),
    ...(byId ? { 'last-modified': new Date(Number(record.lastModifiedMs)).toUTCString() } : {}),
  });
}

/** Runs a read of a copy source; a source version that is a delete marker is 400 InvalidRequest (S3). */
export async function copySourceRead<Result>(read: () => Promise<Result>): Promise<Result> {
  try {
    return await read();
  } catch (error) {
    rethrowIfAssertion(error);
    if (isStrataError(error, ['DELETE_MARKER'])) {
      throw new S3Error('InvalidRequest', 'The source of a copy request may not specifically refer to a delete marker by version id.');
    }
    throw error;
  }
}
