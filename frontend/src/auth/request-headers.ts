/**
 * Request headers as Node hands them over: lower-cased names, a string per header, or an array
 * where Node keeps every occurrence (`req.headersDistinct` gives arrays for all of them).
 */
export type RequestHeaders = Readonly<Record<string, string | readonly string[] | undefined>>;

/**
 * The value of header `name` (lower-case), or undefined when absent. Several values are joined
 * with ',' as SigV4 joins them. Node's `req.headers` has already joined repeats of most headers
 * with ', ' — pass `req.headersDistinct` where repeated signed headers must verify byte-exactly.
 */
/**
 * The x-amz-* headers present but not among `signedHeaders` (x-amz-content-sha256 aside: its
 * value is the canonical request's payload line, so it is covered either way).
 */
export function unsignedAmzHeaders(headers: RequestHeaders, signedHeaders: readonly string[]): string[] {
  return Object.keys(headers).filter(
    (name) => name.startsWith('x-amz-') && name !== 'x-amz-content-sha256' && headers[name] !== undefined && !signedHeaders.includes(name),
  );
}

export function headerValue(headers: RequestHeaders, name: string): string | undefined {
  const value = headers[name];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return value;
  return value.length === 0 ? undefined : value.join(',');
}
