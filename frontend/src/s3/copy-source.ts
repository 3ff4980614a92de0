import { rethrowIfAssertion } from '@strata/common';
import type { partitionV1 } from '@strata/protos';
import { BLOB_NAME_BYTES_MAX } from '@strata/partition-layer';
import { checkBucketName } from './bucket-names.js';
import { S3Error } from './errors.js';
import type { S3Request } from './operation.js';

/** The object a copy reads from. */
export interface CopySource {
  bucket: string;
  key: string;
  /** The version named by `?versionId=` ("null" for the null version); undefined for the current one. */
  versionId?: string;
}

const one = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * x-amz-copy-source: `bucket/key` or `/bucket/key`, URL-encoded, optionally with
 * `?versionId=<id>` (a version of a versioned bucket, or "null").
 * @throws S3Error InvalidArgument when it does not name a bucket and a key, or names an empty
 *   version id (the partition layer refuses malformed ones); InvalidBucketName; KeyTooLongError.
 */
export function parseCopySource(request: S3Request): CopySource {
  const raw = one(request.headers['x-amz-copy-source']) ?? '';
  const query = raw.indexOf('?');
  const path = (query >= 0 ? raw.slice(0, query) : raw).replace(/^\//, '');
  const versionId = query >= 0 ? (new URLSearchParams(raw.slice(query + 1)).get('versionId') ?? undefined) : undefined;
  if (versionId === '') throw new S3Error('InvalidArgument', 'Invalid version id specified', { argumentName: 'versionId', argumentValue: versionId });
  const slash = path.indexOf('/');
  let bucket: string;
  let key: string;
  try {
    bucket = decodeURIComponent(path.slice(0, Math.max(slash, 0)));
    key = decodeURIComponent(slash >= 0 ? path.slice(slash + 1) : '');
  } catch (error) {
    rethrowIfAssertion(error);
    throw new S3Error('InvalidArgument', 'Invalid copy source encoding.', { argumentName: 'x-amz-copy-source' });
  }
  if (bucket === '' || key === '') {
    throw new S3Error('InvalidArgument', 'Copy Source must mention the source bucket and key: sourcebucket/sourcekey', {
      argumentName: 'x-amz-copy-source',
      argumentValue: raw,
    });
  }
  checkBucketName(bucket);
  if (Buffer.byteLength(key) > BLOB_NAME_BYTES_MAX) throw new S3Error('KeyTooLongError', 'Your key is too long.', { maxSizeAllowed: BLOB_NAME_BYTES_MAX });
  return { bucket, key, ...(versionId !== undefined ? { versionId } : {}) };
}

const dateOf = (value: string | undefined): number | undefined => {
  if (value === undefined) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
};
const etagsOf = (value: string): string[] => value.split(',').map((etag) => etag.trim().replace(/^"(.*)"$/, '$1'));

/**
 * S3's x-amz-copy-source-if-* conditions on the source object, at the time it was read:
 * if-match (an ETag, a list, or *) must hold; if-none-match must not; if-unmodified-since is
 * waived when if-match holds; if-modified-since counts only without if-none-match. An
 * unparsable date is ignored, as HTTP ignores it.
 * @throws S3Error PreconditionFailed.
 */
export function checkCopySourceConditions(request: S3Request, source: partitionV1.BlobRecord__Output): void {
  const header = (name: string): string | undefined => one(request.headers[`x-amz-copy-source-${name}`]);
  const ifMatch = header('if-match');
  const ifNoneMatch = header('if-none-match');
  const unmodifiedSince = dateOf(header('if-unmodified-since'));
  const modifiedSince = dateOf(header('if-modified-since'));
  const matches = (value: string): boolean => etagsOf(value).some((etag) => etag === '*' || etag === source.etag);
  // HTTP dates have whole seconds.
  const modifiedSeconds = Math.floor(source.lastModifiedMs / 1000) * 1000;
  const failed =
    (ifMatch !== undefined && !matches(ifMatch)) ||
    (ifNoneMatch !== undefined && matches(ifNoneMatch)) ||
    (ifMatch === undefined && unmodifiedSince !== undefined && modifiedSeconds > unmodifiedSince) ||
    (ifNoneMatch === undefined && modifiedSince !== undefined && modifiedSeconds <= modifiedSince);
  if (failed) throw new S3Error('PreconditionFailed', 'At least one of the pre-conditions you specified did not hold', { condition: 'x-amz-copy-source-If-*' });
}

/**
 * x-amz-copy-source-range `bytes=first-last` (inclusive, within the source), or the whole
 * source when absent.
 * @throws S3Error InvalidArgument for another form or a range outside the source.
 */
export function copySourceRange(request: S3Request, sizeBytes: number): { first: number; last: number } {
  const value = one(request.headers['x-amz-copy-source-range']);
  if (value === undefined) return { first: 0, last: sizeBytes - 1 };
  const match = /^bytes=(\d{1,16})-(\d{1,16})$/.exec(value.trim());
  if (!match) {
    throw new S3Error(
      'InvalidArgument',
      'The x-amz-copy-source-range value must be of the form bytes=first-last where first and last are the zero-based offsets of the first and last bytes to copy',
      {
        argumentName: 'x-amz-copy-source-range',
        argumentValue: value,
      },
    );
  }
  const first = Number(match[1]);
  const last = Number(match[2]);
  if (first > last || last >= sizeBytes) {
    throw new S3Error('InvalidArgument', `Range specified is not valid for source object of size: ${sizeBytes}`, {
      argumentName: 'x-amz-copy-source-range',
      argumentValue: value,
    });
  }
  return { first, last };
}
