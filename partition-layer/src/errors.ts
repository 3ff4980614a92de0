import * as grpc from '@grpc/grpc-js';
import { StrataError } from '@strata/common';

/** The partition layer's conditions. docs/errors.md describes each. */
export const PARTITION_ERROR_CODES = [
  'NO_SUCH_CONTAINER',
  'CONTAINER_EXISTS',
  'CONTAINER_NOT_EMPTY',
  'NO_SUCH_BLOB',
  'NO_SUCH_VERSION',
  'DELETE_MARKER',
  'PRECONDITION_FAILED',
  'NOT_OWNER',
  'PARTITION_LOADING',
  'INVALID_ARGUMENT',
  'SIZE_MISMATCH',
  'NO_SUCH_UPLOAD',
  'INVALID_PART',
  'INVALID_PART_ORDER',
  'ENTITY_TOO_SMALL',
  'ENTITY_TOO_LARGE',
  'UPLOAD_CONFLICT',
  'TOO_MANY_UPLOADS',
  'NOT_LEADER',
  'UNAVAILABLE',
  'DEADLINE_EXCEEDED',
  'INTERNAL',
] as const;

export type PartitionErrorCode = (typeof PARTITION_ERROR_CODES)[number];

/** The one table from a partition-layer code to its gRPC status. */
export const PARTITION_ERROR_STATUS = {
  NO_SUCH_CONTAINER: grpc.status.NOT_FOUND,
  CONTAINER_EXISTS: grpc.status.ALREADY_EXISTS,
  CONTAINER_NOT_EMPTY: grpc.status.FAILED_PRECONDITION,
  NO_SUCH_BLOB: grpc.status.NOT_FOUND,
  NO_SUCH_VERSION: grpc.status.NOT_FOUND,
  DELETE_MARKER: grpc.status.FAILED_PRECONDITION,
  PRECONDITION_FAILED: grpc.status.FAILED_PRECONDITION,
  NOT_OWNER: grpc.status.FAILED_PRECONDITION,
  PARTITION_LOADING: grpc.status.UNAVAILABLE,
  INVALID_ARGUMENT: grpc.status.INVALID_ARGUMENT,
  SIZE_MISMATCH: grpc.status.INVALID_ARGUMENT,
  NO_SUCH_UPLOAD: grpc.status.NOT_FOUND,
  INVALID_PART: grpc.status.FAILED_PRECONDITION,
  INVALID_PART_ORDER: grpc.status.INVALID_ARGUMENT,
  ENTITY_TOO_SMALL: grpc.status.FAILED_PRECONDITION,
  ENTITY_TOO_LARGE: grpc.status.FAILED_PRECONDITION,
  UPLOAD_CONFLICT: grpc.status.ABORTED,
  TOO_MANY_UPLOADS: grpc.status.RESOURCE_EXHAUSTED,
  NOT_LEADER: grpc.status.UNAVAILABLE,
  UNAVAILABLE: grpc.status.UNAVAILABLE,
  DEADLINE_EXCEEDED: grpc.status.DEADLINE_EXCEEDED,
  INTERNAL: grpc.status.INTERNAL,
} as const satisfies Record<PartitionErrorCode, grpc.status>;

export class PartitionError extends StrataError<PartitionErrorCode> {}
