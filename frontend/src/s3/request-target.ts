import { rethrowIfAssertion } from '@strata/common';
import { BLOB_NAME_BYTES_MAX } from '@strata/partition-layer';
import { S3Error } from './errors.js';

/** What a request addresses: the service, a bucket, or an object; plus its query. */
export interface RequestTarget {
  bucket?: string;
  key?: string;
  query: URLSearchParams;
  /** The path as sent, for error Resource fields. */
  path: string;
}

/**
 * Parses a request line target: path-style (`/bucket/key?query`), or, when the Host named the
 * bucket (virtual-hosted style), `/key?query`. The key is everything after the first "/"
 * following the bucket, decoded once, so keys with "/", "%", "+", spaces or "../" arrive
 * exactly as the client named them. Bucket names are checked by the operation (a bad one is
 * InvalidBucketName); a key over 1024 bytes is KeyTooLongError.
 */
export function parseTarget(rawUrl: string, hostBucket?: string): RequestTarget {
  const queryStart = rawUrl.indexOf('?');
  const path = queryStart >= 0 ? rawUrl.slice(0, queryStart) : rawUrl;
  const query = new URLSearchParams(queryStart >= 0 ? rawUrl.slice(queryStart + 1) : '');
  if (!path.startsWith('/')) throw new S3Error('InvalidURI', 'Could not parse the specified URI.');
  const rest = path.slice(1);
  if (hostBucket !== undefined) return rest === '' ? { bucket: hostBucket, query, path } : { bucket: hostBucket, key: checkedKey(decode(rest)), query, path };
  if (rest === '') return { query, path };
  const slash = rest.indexOf('/');
  const bucket = decode(slash >= 0 ? rest.slice(0, slash) : rest);
  if (slash < 0 || slash === rest.length - 1) return { bucket, query, path };
  return { bucket, key: checkedKey(decode(rest.slice(slash + 1))), query, path };
}

function checkedKey(key: string): string {
  if (Buffer.byteLength(key) > BLOB_NAME_BYTES_MAX) {
    throw new S3Error('KeyTooLongError', 'Your key is too long.', { maxSizeAllowed: BLOB_NAME_BYTES_MAX });
  }
  return key;
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch (error) {
    rethrowIfAssertion(error);
    throw new S3Error('InvalidURI', 'Could not parse the specified URI.');
  }
}
