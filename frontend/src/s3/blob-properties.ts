import type { IncomingHttpHeaders } from 'node:http';
import type { partitionV1 } from '@strata/protos';
import { S3Error } from './errors.js';

/** S3's limit on user metadata: names and values of x-amz-meta-* together. */
const USER_METADATA_BYTES_MAX = 2048;

const one = (value: string | string[] | undefined): string => (Array.isArray(value) ? value.join(',') : (value ?? ''));

/**
 * The properties a PUT stores with a blob, from its headers: the standard entity headers and
 * x-amz-meta-*. "aws-chunked" is a transfer detail of the request and is not kept as the
 * blob's Content-Encoding.
 */
export function blobPropertiesFrom(headers: IncomingHttpHeaders): partitionV1.BlobProperties {
  const userMetadata: Record<string, string> = {};
  let metadataBytes = 0;
  for (const [name, value] of Object.entries(headers)) {
    if (!name.startsWith('x-amz-meta-')) continue;
    const key = name.slice('x-amz-meta-'.length);
    userMetadata[key] = one(value);
    metadataBytes += Buffer.byteLength(key) + Buffer.byteLength(userMetadata[key]!);
  }
  if (metadataBytes > USER_METADATA_BYTES_MAX) {
    throw new S3Error('MetadataTooLarge', 'Your metadata headers exceed the maximum allowed metadata size.', {
      size: metadataBytes,
      maxSizeAllowed: USER_METADATA_BYTES_MAX,
    });
  }
  const contentEncoding = one(headers['content-encoding'])
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '' && token.toLowerCase() !== 'aws-chunked')
    .join(', ');
  return {
    contentType: one(headers['content-type']),
    contentEncoding,
    contentDisposition: one(headers['content-disposition']),
    contentLanguage: one(headers['content-language']),
    cacheControl: one(headers['cache-control']),
    expires: one(headers.expires),
    userMetadata,
  };
}
