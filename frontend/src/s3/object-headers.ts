import type { IncomingHttpHeaders } from 'node:http';
import type { partitionV1 } from '@strata/protos';

/** The headers GET and HEAD of an object carry: the same on both. */
export function objectHeaders(
  record: partitionV1.BlobRecord__Output,
  requestHeaders?: IncomingHttpHeaders,
  defaultCacheControl = '',
): Record<string, string | number> {
  const properties = record.properties;
  const headers: Record<string, string | number> = {
    'content-length': Number(record.sizeBytes),
    ...validatorHeaders(record, defaultCacheControl),
    'content-type': properties?.contentType || 'binary/octet-stream',
    'accept-ranges': 'bytes',
  };
  if (properties?.contentEncoding) headers['content-encoding'] = properties.contentEncoding;
  if (properties?.contentDisposition) headers['content-disposition'] = properties.contentDisposition;
  if (properties?.contentLanguage) headers['content-language'] = properties.contentLanguage;
  for (const [name, value] of Object.entries(properties?.userMetadata ?? {})) headers[`x-amz-meta-${name}`] = value;
  // On GET and HEAD alike, only when the object has tags (GetObjectTagging reads them).
  if (record.tags.length > 0) headers['x-amz-tagging-count'] = record.tags.length;
  // S3 returns the stored checksum only to a client that asks for it.
  if (record.checksumAlgorithm && String(requestHeaders?.['x-amz-checksum-mode'] ?? '').toUpperCase() === 'ENABLED') {
    headers[`x-amz-checksum-${record.checksumAlgorithm}`] = record.checksumValue;
    headers['x-amz-checksum-type'] = record.multipart?.checksumType || 'FULL_OBJECT';
  }
  return headers;
}

/**
 * The headers a 304 Not Modified keeps (RFC 9110 15.4.5): the validators and the caching
 * headers, so a cache can refresh its stored copy. Cache-Control is the blob's own, else its
 * container's default.
 */
export function validatorHeaders(record: partitionV1.BlobRecord__Output, defaultCacheControl = ''): Record<string, string> {
  const headers: Record<string, string> = {
    etag: `"${record.etag}"`,
    'last-modified': new Date(Number(record.lastModifiedMs)).toUTCString(),
  };
  const cacheControl = record.properties?.cacheControl || defaultCacheControl;
  if (cacheControl) headers['cache-control'] = cacheControl;
  if (record.properties?.expires) headers.expires = record.properties.expires;
  return headers;
}
