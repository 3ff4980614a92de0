import { StrataError } from '../errors.js';
import { jsonMeta, parseJsonMeta } from '../frames/frames.js';

/**
 * The call transport's frame types. A call is one Call frame from the client and one Reply or
 * Failure frame back on the same stream id; many calls share a connection, answered in any
 * order.
 */
export const CallFrame = {
  /** c→s: meta JSON {@link CallMeta}; payload the request message as its protobuf encoding. */
  Call: 1,
  /** s→c: payload the reply message as its protobuf encoding. */
  Reply: 2,
  /** s→c: meta JSON {code, message}: the call failed with that typed error. */
  Failure: 3,
} as const;

export interface CallMeta {
  /** The gRPC method's path (`/strata.partition.v1.PartitionServer/GetBlob`): the server runs that method's handler. */
  method: string;
  requestId?: string;
}

export function failureMeta(error: StrataError): Buffer {
  return jsonMeta({ code: error.code, message: error.message });
}

export function parseFailure(meta: Buffer): StrataError {
  const { code, message } = parseJsonMeta<{ code?: unknown; message?: unknown }>(meta);
  return new StrataError(typeof code === 'string' ? code : 'INTERNAL', typeof message === 'string' ? message : 'the call failed');
}

/** One buffer of a payload that came as slices (a message is decoded whole). */
export function wholePayload(parts: readonly Buffer[]): Buffer {
  return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
}
