import type { RequestHeaders } from './request-headers.js';
import { percentDecode, uriEncode, uriEncodePath } from './uri-encode.js';

/** A request URL split where the request line has it: `path?query`. */
export interface RawUrlParts {
  rawPath: string;
  rawQuery: string;
}

/** One query parameter as sent, still percent-encoded; a parameter without '=' has value ''. */
export interface RawQueryParam {
  rawKey: string;
  rawValue: string;
}

/** Splits `path?query` at the first '?'. An empty path is '/'. */
export function splitRawUrl(rawUrl: string): RawUrlParts {
  const mark = rawUrl.indexOf('?');
  const rawPath = mark === -1 ? rawUrl : rawUrl.slice(0, mark);
  const rawQuery = mark === -1 ? '' : rawUrl.slice(mark + 1);
  return { rawPath: rawPath === '' ? '/' : rawPath, rawQuery };
}

/** The parameters of a raw query string in order; empty segments (`a=1&&b=2`) are skipped. */
export function parseRawQuery(rawQuery: string): RawQueryParam[] {
  const params: RawQueryParam[] = [];
  for (const segment of rawQuery.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    params.push(eq === -1 ? { rawKey: segment, rawValue: '' } : { rawKey: segment.slice(0, eq), rawValue: segment.slice(eq + 1) });
  }
  return params;
}

/**
 * S3's canonical URI: the raw path decoded once and re-encoded, '/' kept. No normalisation of
 * '.', '..' or '//' (S3 keys may contain them) and no double encoding, unlike other services.
 */
export function canonicalUri(rawPath: string): string {
  return uriEncodePath(percentDecode(rawPath));
}

/**
 * The canonical query string: every parameter decoded once and re-encoded (with '/' encoded),
 * sorted by encoded key, then encoded value, joined with '&'. `omitKey` (X-Amz-Signature for
 * presigned URLs) is left out.
 */
export function canonicalQuery(params: readonly RawQueryParam[], omitKey?: string): string {
  const encoded: Array<[string, string]> = [];
  for (const { rawKey, rawValue } of params) {
    const key = uriEncode(percentDecode(rawKey));
    if (omitKey !== undefined && key === omitKey) continue;
    encoded.push([key, uriEncode(percentDecode(rawValue))]);
  }
  // Encoded strings are ASCII, so comparing code units is the byte order SigV4 asks for.
  encoded.sort(([ka, va], [kb, vb]) => (ka < kb ? -1 : ka > kb ? 1 : va < vb ? -1 : va > vb ? 1 : 0));
  return encoded.map(([key, value]) => `${key}=${value}`).join('&');
}

/**
 * The canonical headers block: one `name:value\n` per signed header, in the order signed.
 * Each value is trimmed with inner runs of spaces and tabs collapsed to one space, repeated
 * values joined with ','; a signed header the request lacks gets an empty value (and so a
 * signature that will not match).
 */
export function canonicalHeaders(headers: RequestHeaders, signedHeaders: readonly string[]): string {
  let block = '';
  for (const name of signedHeaders) {
    const value = headers[name];
    const canonical = value === undefined ? '' : typeof value === 'string' ? trimAll(value) : value.map(trimAll).join(',');
    block += `${name}:${canonical}\n`;
  }
  return block;
}

function trimAll(value: string): string {
  return value.replace(/[ \t]+/g, ' ').trim();
}

/** What a canonical request is built from. */
export interface CanonicalRequestInput {
  method: string;
  rawPath: string;
  query: readonly RawQueryParam[];
  headers: RequestHeaders;
  signedHeaders: readonly string[];
  payloadHash: string;
  /** A query key left out of the canonical query: X-Amz-Signature for presigned URLs. */
  omitQueryKey?: string;
}

/** The SigV4 canonical request for S3, per AWS's header-based and query-based auth docs. */
export function buildCanonicalRequest(input: CanonicalRequestInput): string {
  return [
    input.method,
    canonicalUri(input.rawPath),
    canonicalQuery(input.query, input.omitQueryKey),
    canonicalHeaders(input.headers, input.signedHeaders),
    input.signedHeaders.join(';'),
    input.payloadHash,
  ].join('\n');
}
