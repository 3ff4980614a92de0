import { isStrataError, StrataError } from '@strata/common';
import type { PartitionErrorCode } from '@strata/partition-layer';
import { S3Error, type S3ErrorCode } from './errors.js';

/**
 * The front-end's one table from the codes of the layers below to S3 errors. Everything a
 * client cannot fix and that may pass (a moved partition, a node down) is 503, which S3
 * clients retry.
 */
const FROM_PARTITION_LAYER = {
  NO_SUCH_CONTAINER: ['NoSuchBucket', 'The specified bucket does not exist.'],
  CONTAINER_EXISTS: ['BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.'],
  CONTAINER_NOT_EMPTY: ['BucketNotEmpty', 'The bucket you tried to delete is not empty.'],
  NO_SUCH_BLOB: ['NoSuchKey', 'The specified key does not exist.'],
  NO_SUCH_VERSION: ['NoSuchVersion', 'The specified version does not exist.'],
  DELETE_MARKER: ['MethodNotAllowed', 'The specified method is not allowed against this resource.'],
  PRECONDITION_FAILED: ['PreconditionFailed', 'At least one of the pre-conditions you specified did not hold'],
  NOT_OWNER: ['ServiceUnavailable', 'Please reduce your request rate.'],
  PARTITION_LOADING: ['ServiceUnavailable', 'Please reduce your request rate.'],
  INVALID_ARGUMENT: ['InvalidArgument', 'Invalid argument.'],
  SIZE_MISMATCH: ['IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header.'],
  NO_SUCH_UPLOAD: ['NoSuchUpload', 'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.'],
  INVALID_PART: [
    'InvalidPart',
    "One or more of the specified parts could not be found. The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
  ],
  INVALID_PART_ORDER: ['InvalidPartOrder', 'The list of parts was not in ascending order. Parts must be ordered by part number.'],
  ENTITY_TOO_SMALL: ['EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed object size.'],
  ENTITY_TOO_LARGE: ['EntityTooLarge', 'Your proposed upload exceeds the maximum allowed object size.'],
  UPLOAD_CONFLICT: [
    'ConditionalRequestConflict',
    'A conflicting operation occurred. If using PutObject you can retry the request. If using multipart upload you should initiate another CreateMultipartUpload request and re-upload each part.',
  ],
  TOO_MANY_UPLOADS: ['SlowDown', 'Please reduce your request rate.'],
  NOT_LEADER: ['ServiceUnavailable', 'Please reduce your request rate.'],
  UNAVAILABLE: ['ServiceUnavailable', 'Please reduce your request rate.'],
  DEADLINE_EXCEEDED: ['ServiceUnavailable', 'Please reduce your request rate.'],
  INTERNAL: ['InternalError', 'We encountered an internal error. Please try again.'],
} as const satisfies Record<PartitionErrorCode, readonly [S3ErrorCode, string]>;

/** Turns anything thrown while serving a request into an S3Error (InternalError if unknown). */
export function toS3Error(error: unknown): S3Error {
  if (error instanceof S3Error) return error;
  if (isStrataError(error) && error.code in FROM_PARTITION_LAYER) {
    const [code, message] = FROM_PARTITION_LAYER[error.code as PartitionErrorCode];
    return new S3Error(code, message, { cause: error.message });
  }
  if (error instanceof StrataError) return new S3Error('ServiceUnavailable', 'Please reduce your request rate.', { cause: error.message });
  return new S3Error('InternalError', 'We encountered an internal error. Please try again.');
}
