import type { Readable, Transform } from 'node:stream';
import { awsChunkedDecoderOptions, createAwsChunkedDecoder, createPayloadVerifier, payloadVerifierOptions } from '../auth/index.js';
import { S3Error } from './errors.js';
import type { S3Request } from './operation.js';

export interface RequestBody {
  /** The payload bytes, decoded and checked as they pass; errors (S3Error) end the stream. */
  stream: Readable;
  /** The payload length the client declared. */
  expectedBytes: number;
}

/**
 * The body of a PUT as payload bytes: aws-chunked bodies are decoded with their chunk
 * signatures and trailing checksum verified; plain bodies are checked against a signed
 * x-amz-content-sha256, x-amz-checksum-* and Content-MD5. Every check of the whole body fires
 * before the stream ends, so a caller that stores only after the end never stores a bad body.
 * All header checks happen here, before any byte is read.
 */
export function requestBody(request: S3Request): RequestBody {
  const declared = request.headers['content-length'];
  const chunkedTransfer = (request.headers['transfer-encoding'] ?? '').toLowerCase().includes('chunked');
  if (declared === undefined && !chunkedTransfer) throw new S3Error('MissingContentLength', 'You must provide the Content-Length HTTP header.');
  const chunked = awsChunkedDecoderOptions(request.auth, request.headers);
  let transform: Transform;
  let expectedBytes: number | undefined;
  if (chunked) {
    if (chunked.decodedContentLength === undefined) {
      throw new S3Error('MissingContentLength', 'You must provide the x-amz-decoded-content-length header with aws-chunked bodies.');
    }
    expectedBytes = chunked.decodedContentLength;
    transform = createAwsChunkedDecoder(chunked);
  } else {
    transform = createPayloadVerifier(payloadVerifierOptions(request.headers, request.auth.payload));
    expectedBytes = declared === undefined ? undefined : Number(declared);
  }
  if (expectedBytes === undefined || !Number.isSafeInteger(expectedBytes)) {
    throw new S3Error('MissingContentLength', 'You must provide the Content-Length HTTP header.');
  }
  // Piped rather than pipeline()d: a failed check must end the decoding, not destroy the request
  // (its socket is where the error answer goes).
  request.body.pipe(transform);
  // A check can fail before the consumer starts reading; the consumer still sees the error
  // (a destroyed stream's iterator throws it), and the process must not take it as unhandled.
  transform.on('error', () => undefined);
  request.body.once('error', (error) => transform.destroy(new S3Error('IncompleteBody', `The request body was cut off: ${error.message}`)));
  request.body.once('close', () => {
    if (!request.body.complete) transform.destroy(new S3Error('IncompleteBody', 'The request body was cut off.'));
  });
  return { stream: transform, expectedBytes };
}
