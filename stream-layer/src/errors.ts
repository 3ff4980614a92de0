import * as grpc from '@grpc/grpc-js';
import { StrataError, type TransportErrorCode } from '@strata/common';

/** The stream layer's conditions. docs/errors.md describes each. */
export const STREAM_ERROR_CODES = [
  'EXTENT_NOT_FOUND',
  'EXTENT_COLLECTING',
  'EXTENT_SEALED',
  'WRITER_FENCED',
  'OFFSET_MISMATCH',
  'RANGE_NOT_HELD',
  'CHECKSUM_MISMATCH',
  'BAD_BLOCK_RANGE',
  'STREAM_NOT_FOUND',
  'NOT_ENOUGH_NODES',
  'NODE_FULL',
  'NOT_LEADER',
  'INVALID_ARGUMENT',
  'UNAVAILABLE',
  'DEADLINE_EXCEEDED',
  'INTERNAL',
] as const satisfies readonly (string | TransportErrorCode)[];

export type StreamErrorCode = (typeof STREAM_ERROR_CODES)[number];

/** The one table from a stream-layer code to its gRPC status. */
export const STREAM_ERROR_STATUS = {
  EXTENT_NOT_FOUND: grpc.status.NOT_FOUND,
  EXTENT_COLLECTING: grpc.status.FAILED_PRECONDITION,
  EXTENT_SEALED: grpc.status.FAILED_PRECONDITION,
  WRITER_FENCED: grpc.status.FAILED_PRECONDITION,
  OFFSET_MISMATCH: grpc.status.FAILED_PRECONDITION,
  RANGE_NOT_HELD: grpc.status.OUT_OF_RANGE,
  CHECKSUM_MISMATCH: grpc.status.DATA_LOSS,
  BAD_BLOCK_RANGE: grpc.status.INVALID_ARGUMENT,
  STREAM_NOT_FOUND: grpc.status.NOT_FOUND,
  NOT_ENOUGH_NODES: grpc.status.RESOURCE_EXHAUSTED,
  NODE_FULL: grpc.status.RESOURCE_EXHAUSTED,
  NOT_LEADER: grpc.status.UNAVAILABLE,
  INVALID_ARGUMENT: grpc.status.INVALID_ARGUMENT,
  UNAVAILABLE: grpc.status.UNAVAILABLE,
  DEADLINE_EXCEEDED: grpc.status.DEADLINE_EXCEEDED,
  INTERNAL: grpc.status.INTERNAL,
} as const satisfies Record<StreamErrorCode, grpc.status>;

export class StreamError extends StrataError<StreamErrorCode> {}
