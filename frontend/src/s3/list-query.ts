import { rethrowIfAssertion } from '@strata/common';
import { LIST_RESULTS_MAX } from '@strata/partition-layer';
import { S3Error } from './errors.js';

/** max-keys: an integer from 0; above 1000 is served as 1000 (as S3 does); default 1000. */
export function parseMaxKeys(value: string | null): number {
  if (value === null || value === '') return LIST_RESULTS_MAX;
  if (!/^\d+$/.test(value))
    throw new S3Error('InvalidArgument', 'Provided max-keys not an integer or within integer range', { argumentName: 'max-keys', argumentValue: value });
  return Math.min(Number(value), LIST_RESULTS_MAX);
}

/** encoding-type: absent or "url". */
export function parseEncodingType(value: string | null): 'url' | undefined {
  if (value === null || value === '') return undefined;
  if (value !== 'url')
    throw new S3Error('InvalidArgument', 'Invalid Encoding Method specified in Request', { argumentName: 'encoding-type', argumentValue: value });
  return 'url';
}

/** Where a listing resumes: after a key, or after every key under a common prefix. */
export interface ListPosition {
  startAfter: string;
  startAfterIsPrefix: boolean;
}

/** The continuation token is opaque to clients: the resume position, base64url-encoded JSON. */
export function encodeContinuationToken(position: ListPosition): string {
  return Buffer.from(JSON.stringify([position.startAfter, position.startAfterIsPrefix ? 1 : 0])).toString('base64url');
}

export function decodeContinuationToken(token: string): ListPosition {
  try {
    const [startAfter, isPrefix] = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as [unknown, unknown];
    if (typeof startAfter === 'string' && (isPrefix === 0 || isPrefix === 1)) return { startAfter, startAfterIsPrefix: isPrefix === 1 };
  } catch (error) {
    rethrowIfAssertion(error);
    // fall through to the error below
  }
  throw new S3Error('InvalidArgument', 'The continuation token provided is incorrect', { argumentName: 'continuation-token' });
}

/**
 * Names in a listing, URL-encoded when the client asked for encoding-type=url, the way S3
 * encodes them: form encoding (a space is `+`), every byte of UTF-8 but letters, digits and
 * `-_.*` as %XX, except `/`, which is kept so names keep their shape (`a b/c(1)` is
 * `a+b/c%281%29`). Clients decode with form decoding (botocore's unquote_plus).
 */
export function listName(name: string, encoding: 'url' | undefined): string {
  if (encoding !== 'url') return name;
  return encodeURIComponent(name)
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replaceAll('%2F', '/')
    .replaceAll('%20', '+');
}
