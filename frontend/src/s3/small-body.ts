import { S3Error } from './errors.js';
import type { S3Request } from './operation.js';
import { requestBody } from './request-body.js';

/**
 * Reads a small request body (XML configurations, a bucket policy) whole, after every check
 * the body carries (signed digest, Content-MD5, checksums) has passed.
 * @throws S3Error MaxMessageLengthExceeded past `maxBytes`, and the body's own check errors.
 */
export async function readSmallBody(request: S3Request, maxBytes: number): Promise<Buffer> {
  const body = requestBody(request);
  if (body.expectedBytes > maxBytes) throw tooLong(maxBytes);
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of body.stream) {
    length += (chunk as Buffer).length;
    if (length > maxBytes) throw tooLong(maxBytes);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function tooLong(maxBytes: number): S3Error {
  return new S3Error('MaxMessageLengthExceeded', 'Your request was too big.', { maxMessageLengthBytes: maxBytes });
}
