import { S3Error } from './errors.js';
import type { S3Request } from './operation.js';
import { requestBody } from './request-body.js';

/**
 * The whole body of a request that carries a small document (XML), checked like any body
 * (x-amz-content-sha256, Content-MD5, aws-chunked signatures) before it is returned.
 * @throws S3Error EntityTooLarge past `maxBytes`, before reading more than that.
 */
export async function readSmallBody(request: S3Request, maxBytes: number): Promise<Buffer> {
  const body = requestBody(request);
  if (body.expectedBytes > maxBytes) throw new S3Error('EntityTooLarge', 'Your request body is too large.', { maxSizeAllowed: maxBytes });
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of body.stream) {
    received += (chunk as Buffer).length;
    if (received > maxBytes) throw new S3Error('EntityTooLarge', 'Your request body is too large.', { maxSizeAllowed: maxBytes });
    chunks.push(chunk as Buffer);
  }
  if (received !== body.expectedBytes) {
    throw new S3Error('IncompleteBody', 'You did not provide the number of bytes specified by the Content-Length HTTP header.', { received, declared: body.expectedBytes });
  }
  return Buffer.concat(chunks);
}
