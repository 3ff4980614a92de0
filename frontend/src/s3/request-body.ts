import type { Readable, Transform } from 'node:stream';
import {
  awsChunkedDecoderOptions,
  createAwsChunkedDecoder,
  createPayloadVerifier,
  payloadVerifierOptions,
  type AwsChunkedDecoder,
  type ExpectedChecksum,
  type PayloadVerifier,
} from '../auth/index.js';
import { S3Error } from './errors.js';
import type { S3Request } from './operation.js';

export interface RequestBody {
  /** The payload bytes, decoded and checked as they pass; errors (S3Error) end the stream. */
  stream: Readable;
  /** The payload length the client declared. */
  expectedBytes: number;
  /**
   * The x-amz-checksum-* the client sent (header or aws-chunked trailer), verified; ask once
   * the stream has ended (a trailer is known only then). Undefined when none was sent.
   */
  checksum(): ExpectedChecksum | undefined;
  /**
   * The MD5 of the payload (the object's ETag), hashed once as the bytes pass and checked
   * against Content-MD5 when one was sent; ask once the stream has ended without error.
   */
  md5(): Buffer;
}

/**
 * The body of a PUT as payload bytes: aws-chunked bodies are decoded with their chunk
 * signatures and trailing checksum verified; every body is checked against a signed
 * x-amz-content-sha256, x-amz-checksum-* headers and Content-MD5. Every check of the whole body
 * fires before the stream ends, so a caller that stores only after the end never stores a bad
 * body. All header checks happen here, before any byte is read. The payload's MD5 is computed
 * on the way (the one hash of it the front-end makes) for the partition server to store as ETag.
 */
export function requestBody(request: S3Request): RequestBody {
  // Anonymous writes are refused before any operation runs; this keeps the body checks honest.
  if (request.auth.anonymous) throw new S3Error('AccessDenied', 'Access Denied');
  const auth = request.auth;
  const declared = request.headers['content-length'];
  const chunkedTransfer = (request.headers['transfer-encoding'] ?? '').toLowerCase().includes('chunked');
  if (declared === undefined && !chunkedTransfer) throw new S3Error('MissingContentLength', 'You must provide the Content-Length HTTP header.');
  const chunked = awsChunkedDecoderOptions(auth, request.headers);
  const verifierOptions = payloadVerifierOptions(request.headers, auth.payload);
  let transform: Transform;
  let verifier: PayloadVerifier;
  let expectedBytes: number | undefined;
  let decoder: AwsChunkedDecoder | undefined;
  if (chunked) {
    if (chunked.decodedContentLength === undefined) {
      throw new S3Error('MissingContentLength', 'You must provide the x-amz-decoded-content-length header with aws-chunked bodies.');
    }
    expectedBytes = chunked.decodedContentLength;
    decoder = createAwsChunkedDecoder(chunked);
    // A checksum or Content-MD5 sent as a header beside an aws-chunked body covers the decoded
    // payload, as does the ETag's MD5; the decoder checks only trailers, so a verifier follows it.
    verifier = createPayloadVerifier({ ...verifierOptions, sha256Hex: undefined, computeMd5: true });
    decoder.on('error', (error) => verifier.destroy(error));
    transform = decoder.pipe(verifier);
  } else {
    verifier = createPayloadVerifier({ ...verifierOptions, computeMd5: true });
    transform = verifier;
    expectedBytes = declared === undefined ? undefined : Number(declared);
  }
  if (expectedBytes === undefined || !Number.isSafeInteger(expectedBytes)) {
    throw new S3Error('MissingContentLength', 'You must provide the Content-Length HTTP header.');
  }
  const head = decoder ?? transform;
  // Piped rather than pipeline()d: a failed check must end the decoding, not destroy the request
  // (its socket is where the error answer goes).
  request.body.pipe(head);
  // A check can fail before the consumer starts reading; the consumer still sees the error
  // (a destroyed stream's iterator throws it), and the process must not take it as unhandled.
  head.on('error', () => undefined);
  transform.on('error', () => undefined);
  request.body.once('error', (error) => head.destroy(new S3Error('IncompleteBody', `The request body was cut off: ${error.message}`)));
  request.body.once('close', () => {
    if (!request.body.complete) head.destroy(new S3Error('IncompleteBody', 'The request body was cut off.'));
  });
  const md5 = (): Buffer => {
    const digest = verifier.md5();
    if (!digest)
      throw new S3Error('InternalError', 'We encountered an internal error. Please try again.', { reason: 'the body MD5 was asked for before the body ended' });
    return digest;
  };
  return { stream: transform, expectedBytes, checksum: () => decoder?.checksum ?? verifierOptions.checksum, md5 };
}
