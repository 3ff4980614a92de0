import * as grpc from '@grpc/grpc-js';
import { StrataError } from '@strata/common';

/** The location service's conditions. docs/errors.md describes each. */
export const LOCATION_ERROR_CODES = [
  'ACCOUNT_EXISTS',
  'NO_SUCH_ACCOUNT',
  'INVALID_ACCOUNT_NAME',
  'NO_SUCH_STAMP',
  'INVALID_ARGUMENT',
  'UNAVAILABLE',
  'DEADLINE_EXCEEDED',
  'INTERNAL',
] as const;

export type LocationErrorCode = (typeof LOCATION_ERROR_CODES)[number];

export const LOCATION_ERROR_STATUS = {
  ACCOUNT_EXISTS: grpc.status.ALREADY_EXISTS,
  NO_SUCH_ACCOUNT: grpc.status.NOT_FOUND,
  INVALID_ACCOUNT_NAME: grpc.status.INVALID_ARGUMENT,
  NO_SUCH_STAMP: grpc.status.NOT_FOUND,
  INVALID_ARGUMENT: grpc.status.INVALID_ARGUMENT,
  UNAVAILABLE: grpc.status.UNAVAILABLE,
  DEADLINE_EXCEEDED: grpc.status.DEADLINE_EXCEEDED,
  INTERNAL: grpc.status.INTERNAL,
} as const satisfies Record<LocationErrorCode, grpc.status>;

export class LocationError extends StrataError<LocationErrorCode> {}
