import { describe, expect, it } from 'vitest';
import type { Credentials } from './auth-context.js';
import { S3Error } from '../s3/errors.js';
import { VerifiedPresignedUrls } from './verified-presigned-urls.js';
import { verifySigV4, type VerifySigV4Options } from './verify-sigv4.js';

// AWS's published presigned-URL example (sigv4-query-string-auth.html): its key, time and URL.
const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const EXAMPLE_MS = Date.UTC(2013, 4, 24, 0, 0, 0);
const HOST = 'examplebucket.s3.amazonaws.com';
const presigned = {
  method: 'GET',
  rawUrl:
    '/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
    '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host' +
    '&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
  headers: { host: HOST } as Record<string, string>,
};

function setup() {
  let secret = SECRET;
  let lookups = 0;
  const lookupCredentials = (id: string): Credentials | undefined => {
    lookups++;
    return id === ACCESS_KEY ? { secretAccessKey: secret, account: 'acct-1' } : undefined;
  };
  const verifiedUrls = new VerifiedPresignedUrls();
  const options = (nowMs = EXAMPLE_MS): VerifySigV4Options => ({ lookupCredentials, nowMs, verifiedUrls });
  const codeOf = (request: typeof presigned, nowMs = EXAMPLE_MS): string => {
    try {
      verifySigV4(request, options(nowMs));
      return 'verified';
    } catch (error) {
      if (error instanceof S3Error) return error.code;
      throw error;
    }
  };
  return { options, codeOf, verifiedUrls, rotate: (next: string) => (secret = next), lookups: () => lookups };
}

describe('VerifiedPresignedUrls', () => {
  it('answers the same request again from the verification it remembered, looking only the key up', () => {
    const { options, verifiedUrls } = setup();
    const first = verifySigV4(presigned, options());
    expect(verifiedUrls.size).toBe(1);
    expect(verifySigV4({ ...presigned, headers: { ...presigned.headers } }, options(EXAMPLE_MS + 1_000)), 'the very same result').toBe(first);
  });

  it('refuses, with the full verification’s error, a remembered URL whose request, key or time no longer matches', () => {
    const { codeOf, rotate } = setup();
    expect(codeOf(presigned)).toBe('verified');
    expect(codeOf({ ...presigned, headers: { host: 'other.example.com' } }), 'another signed header value').toBe('SignatureDoesNotMatch');
    expect(codeOf({ ...presigned, method: 'PUT' }), 'another method').toBe('SignatureDoesNotMatch');
    expect(codeOf({ ...presigned, headers: { host: HOST, 'x-amz-acl': 'public-read' } }), 'an unsigned x-amz header').toBe('AccessDenied');
    expect(codeOf({ ...presigned, headers: { host: HOST, authorization: 'AWS4-HMAC-SHA256 Credential=x' } }), 'header auth on top').toBe('InvalidArgument');
    expect(codeOf(presigned, EXAMPLE_MS + 86_400_001), 'expired since').toBe('AccessDenied');
    expect(codeOf(presigned, EXAMPLE_MS - 15 * 60_000 - 1), 'not valid yet').toBe('AccessDenied');
    expect(codeOf(presigned), 'all the same again').toBe('verified');
    rotate('another secret');
    expect(codeOf(presigned), 'the key’s secret was rotated').toBe('SignatureDoesNotMatch');
    rotate(SECRET);
    expect(codeOf(presigned)).toBe('verified');
  });

  it('forgets the least recently used URL beyond its capacity', () => {
    const verifiedUrls = new VerifiedPresignedUrls(1);
    const credentials = { secretAccessKey: SECRET, account: 'acct-1' };
    const lookup = (): Credentials => credentials;
    const first = verifySigV4(presigned, { lookupCredentials: lookup, nowMs: EXAMPLE_MS, verifiedUrls });
    if (first.anonymous) throw new Error('the example URL verifies');
    const other = { ...presigned, rawUrl: `${presigned.rawUrl}&x-id=GetObject` };
    verifiedUrls.remember(other, { result: first, credentials, region: undefined, dateMs: EXAMPLE_MS });
    expect(verifiedUrls.size).toBe(1);
    expect(verifiedUrls.get(presigned, lookup, EXAMPLE_MS, undefined), 'the older one went').toBeUndefined();
    expect(verifiedUrls.get(other, lookup, EXAMPLE_MS, undefined)).toBe(first);
  });
});
