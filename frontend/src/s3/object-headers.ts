import type { partitionV1 } from '@strata/protos';

/** The headers GET and HEAD of an object carry: the same on both. */
export function objectHeaders(record: partitionV1.BlobRecord__Output): Record<string, string | number> {
  const properties = record.properties;
  const headers: Record<string, string | number> = {
    'content-length': record.sizeBytes,
    etag: `"${record.etag}"`,
    'last-modified': new Date(record.lastModifiedMs).toUTCString(),
    'content-type': properties?.contentType || 'binary/octet-stream',
    'accept-ranges': 'bytes',
  };
  if (properties?.contentEncoding) headers['content-encoding'] = properties.contentEncoding;
  if (properties?.contentDisposition) headers['content-disposition'] = properties.contentDisposition;
  if (properties?.contentLanguage) headers['content-language'] = properties.contentLanguage;
  if (properties?.cacheControl) headers['cache-control'] = properties.cacheControl;
  if (properties?.expires) headers.expires = properties.expires;
  for (const [name, value] of Object.entries(properties?.userMetadata ?? {})) headers[`x-amz-meta-${name}`] = value;
  return headers;
}
