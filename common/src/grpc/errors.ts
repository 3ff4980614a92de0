import * as grpc from '@grpc/grpc-js';
import { AssertionFailure, rethrowIfAssertion } from '../assert.js';
import { StrataError } from '../errors.js';

/** Trailing-metadata key carrying a layer's typed error code across gRPC. */
export const ERROR_CODE_KEY = 'strata-error-code';

/** Codes any gRPC client may see whatever the layer: the peer could not be reached or failed. */
export type TransportErrorCode = 'UNAVAILABLE' | 'DEADLINE_EXCEEDED' | 'INTERNAL';

/**
 * Turns what a handler threw into a gRPC error: a {@link StrataError} keeps its code (in
 * metadata) and gets the status the layer's table gives it; anything else is INTERNAL. An
 * assertion failure is not mapped: it is rethrown so the process ends.
 */
export function toServiceError<Code extends string>(error: unknown, statusOf: Readonly<Record<Code, grpc.status>>): Partial<grpc.StatusObject> {
  if (error instanceof AssertionFailure) {
    process.nextTick(() => {
      throw error;
    });
  }
  const metadata = new grpc.Metadata();
  if (error instanceof StrataError && error.code in statusOf) {
    metadata.set(ERROR_CODE_KEY, error.code);
    return { code: statusOf[error.code as Code], details: error.message, metadata };
  }
  metadata.set(ERROR_CODE_KEY, 'INTERNAL');
  return { code: grpc.status.INTERNAL, details: error instanceof Error ? error.message : String(error), metadata };
}

/**
 * Turns a gRPC client error back into a {@link StrataError}: the peer's typed code when it sent
 * one, else a transport code.
 */
export function fromServiceError(error: unknown): StrataError {
  if (error instanceof StrataError) return error;
  const serviceError = error as Partial<grpc.ServiceError>;
  const sent = serviceError.metadata?.get(ERROR_CODE_KEY)[0];
  if (typeof sent === 'string') return new StrataError(sent, serviceError.details ?? 'error', { grpcCode: serviceError.code });
  const code: TransportErrorCode =
    serviceError.code === grpc.status.DEADLINE_EXCEEDED
      ? 'DEADLINE_EXCEEDED'
      : serviceError.code === grpc.status.UNAVAILABLE || serviceError.code === grpc.status.CANCELLED
        ? 'UNAVAILABLE'
        : 'INTERNAL';
  return new StrataError(code, serviceError.details ?? (error instanceof Error ? error.message : String(error)), {
    grpcCode: serviceError.code,
  });
}

/** Wraps an async unary handler so that its result or typed error reaches the caller. */
export function unaryHandler<Request, Response, Code extends string>(
  statusOf: Readonly<Record<Code, grpc.status>>,
  handle: (request: Request, call: grpc.ServerUnaryCall<Request, Response>) => Promise<Response>,
): grpc.handleUnaryCall<Request, Response> {
  return (call, callback) => {
    // A handler that throws before its first await must still answer with its typed error.
    new Promise<Response>((resolve) => resolve(handle(call.request, call))).then(
      (response) => callback(null, response),
      (error: unknown) => {
        rethrowIfAssertion(error);
        callback(toServiceError(error, statusOf));
      },
    );
  };
}
