import { S3Error } from '../s3/errors.js';

/** How the body is protected, from `x-amz-content-sha256`. */
export type PayloadMode =
  /** The body's SHA-256 was signed: check it at the end of the body. */
  | { kind: 'sha256'; hex: string }
  /** UNSIGNED-PAYLOAD: the body is not covered by the signature. */
  | { kind: 'unsigned' }
  /** STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]: aws-chunked, every chunk signed. */
  | { kind: 'streaming-signed'; trailer: boolean }
  /** STREAMING-UNSIGNED-PAYLOAD-TRAILER: aws-chunked, chunks unsigned, checksum in a trailer. */
  | { kind: 'streaming-unsigned-trailer' };

/** The aws-chunked modes, which need {@link createAwsChunkedDecoder}. */
export type StreamingPayloadMode = Extract<PayloadMode, { kind: 'streaming-signed' | 'streaming-unsigned-trailer' }>;

/** The x-amz-content-sha256 values of the non-digest modes. */
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';
export const STREAMING_SIGNED = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD';
export const STREAMING_SIGNED_TRAILER = 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER';
export const STREAMING_UNSIGNED_TRAILER = 'STREAMING-UNSIGNED-PAYLOAD-TRAILER';

const SHA256_HEX = /^[0-9a-fA-F]{64}$/;

/**
 * Parses an `x-amz-content-sha256` value. A hex digest is returned lower-cased.
 * @throws S3Error NotImplemented for the SigV4a (ECDSA) streaming modes, InvalidArgument for
 *   anything else S3 does not know (S3's own message).
 */
export function parsePayloadMode(value: string): PayloadMode {
  switch (value) {
    case UNSIGNED_PAYLOAD:
      return { kind: 'unsigned' };
    case STREAMING_SIGNED:
      return { kind: 'streaming-signed', trailer: false };
    case STREAMING_SIGNED_TRAILER:
      return { kind: 'streaming-signed', trailer: true };
    case STREAMING_UNSIGNED_TRAILER:
      return { kind: 'streaming-unsigned-trailer' };
    case 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD':
    case 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER':
      throw new S3Error('NotImplemented', 'SigV4a (ECDSA) streaming payloads are not supported.');
  }
  if (SHA256_HEX.test(value)) return { kind: 'sha256', hex: value.toLowerCase() };
  throw new S3Error(
    'InvalidArgument',
    'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-UNSIGNED-PAYLOAD-TRAILER, ' +
      'STREAMING-AWS4-HMAC-SHA256-PAYLOAD, STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER or a valid sha256 value.',
    { argumentName: 'x-amz-content-sha256', argumentValue: value },
  );
}

/** Whether the mode frames the body as aws-chunked. */
export function isStreamingPayload(mode: PayloadMode): mode is StreamingPayloadMode {
  return mode.kind === 'streaming-signed' || mode.kind === 'streaming-unsigned-trailer';
}
