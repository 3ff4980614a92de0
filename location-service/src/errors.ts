import * as grpc from '@grpc/grpc-js';
import { StrataError } from '@strata/common';

/** The location service's conditions. docs/errors.md describes each. */
export const LOCATION_ERROR_CODES = [
  'ACCOUNT_EXISTS',
  'NO_SUCH_ACCOUNT',
  'INVALID_ACCOUNT_NAME',
  'ACCOUNT_NOT_EMPTY',
  'ACCOUNT_BUSY',
  'NO_SUCH_STAMP',
  'NO_STAMP_AVAILABLE',
  'NOT_LEADER',
  'UNAUTHENTICATED',
  'PERMISSION_DENIED',
  'INVALID_ARGUMENT',
  'UNAVAILABLE',
  'DEADLINE_EXCEEDED',
  'INTERNAL',
] as const;

export type LocationErrorCode = (typeof LOCATION_ERROR_CODES)[number];

/** The gRPC edge's table. */
export const LOCATION_ERROR_STATUS = {
  ACCOUNT_EXISTS: grpc.status.ALREADY_EXISTS,
  NO_SUCH_ACCOUNT: grpc.status.NOT_FOUND,
  INVALID_ACCOUNT_NAME: grpc.status.INVALID_ARGUMENT,
  ACCOUNT_NOT_EMPTY: grpc.status.FAILED_PRECONDITION,
  ACCOUNT_BUSY: grpc.status.FAILED_PRECONDITION,
  NO_SUCH_STAMP: grpc.status.NOT_FOUND,
  NO_STAMP_AVAILABLE: grpc.status.RESOURCE_EXHAUSTED,
  NOT_LEADER: grpc.status.UNAVAILABLE,
  UNAUTHENTICATED: grpc.status.UNAUTHENTICATED,
  PERMISSION_DENIED: grpc.status.PERMISSION_DENIED,
  INVALID_ARGUMENT: grpc.status.INVALID_ARGUMENT,
  UNAVAILABLE: grpc.status.UNAVAILABLE,
  DEADLINE_EXCEEDED: grpc.status.DEADLINE_EXCEEDED,
  INTERNAL: grpc.status.INTERNAL,
} as const satisfies Record<LocationErrorCode, grpc.status>;

/** The admin HTTP API's table. */
export const LOCATION_ERROR_HTTP_STATUS = {
  ACCOUNT_EXISTS: 409,
  NO_SUCH_ACCOUNT: 404,
  INVALID_ACCOUNT_NAME: 400,
  ACCOUNT_NOT_EMPTY: 409,
  ACCOUNT_BUSY: 409,
  NO_SUCH_STAMP: 404,
  NO_STAMP_AVAILABLE: 507,
  NOT_LEADER: 503,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  INVALID_ARGUMENT: 400,
  UNAVAILABLE: 503,
  DEADLINE_EXCEEDED: 504,
  INTERNAL: 500,
} as const satisfies Record<LocationErrorCode, number>;

export class LocationError extends StrataError<LocationErrorCode> {}
