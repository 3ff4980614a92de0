import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { AuthContext, AuthResult, Credentials } from './auth-context.js';
import { errorXml } from '../s3/error-response.js';
import { S3Error } from '../s3/errors.js';
import { SigningKeyCache } from './signing-key-cache.js';
import { VerifiedPresignedUrls } from './verified-presigned-urls.js';
import { verifySigV4, type VerifySigV4Options } from './verify-sigv4.js';

// The example credentials and time of AWS's published S3 SigV4 examples
// (docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html and sigv4-query-string-auth.html).
const ACCESS_KEY = 'AKIAIOSFODNN7EXAMPLE';
const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const AMZ_DATE = '20130524T000000Z';
const EXAMPLE_MS = Date.UTC(2013, 4, 24, 0, 0, 0);
const HOST = 'examplebucket.s3.amazonaws.com';
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const CREDENTIAL = `${ACCESS_KEY}/20130524/us-east-1/s3/aws4_request`;

const lookupCredentials = (id: string): Credentials | undefined => (id === ACCESS_KEY ? { secretAccessKey: SECRET, account: 'acct-1' } : undefined);
const options = (overrides: Partial<VerifySigV4Options> = {}): VerifySigV4Options => ({ lookupCredentials, nowMs: EXAMPLE_MS, ...overrides });

/** AWS's published presigned-URL example (sigv4-query-string-auth.html). */
const presigned = {
  method: 'GET',
  rawUrl:
    '/test.txt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request' +
    '&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host' +
    '&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
  headers: { host: HOST } as Record<string, string>,
};

function authorization(signedHeaders: string, signature: string, credential = CREDENTIAL): string {
  return `AWS4-HMAC-SHA256 Credential=${credential},SignedHeaders=${signedHeaders},Signature=${signature}`;
}

function expectAuth(result: AuthResult): AuthContext {
  if (result.anonymous) throw new Error('expected an authenticated request');
  return result;
}

function errorOf(run: () => unknown): S3Error {
  try {
    run();
  } catch (error) {
    if (error instanceof S3Error) return error;
    throw error;
  }
  throw new Error('no error thrown');
}

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return (error as { code?: string }).code;
  }
  return undefined;
}

/** GET Object example: expected signature published by AWS. */
const getObject = {
  method: 'GET',
  rawUrl: '/test.txt',
  headers: {
    host: HOST,
    range: 'bytes=0-9',
    'x-amz-content-sha256': EMPTY_SHA256,
    'x-amz-date': AMZ_DATE,
    authorization: authorization('host;range;x-amz-content-sha256;x-amz-date', 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41'),
  },
};

describe('AWS published SigV4 examples', () => {
  it('GET Object with Range', () => {
    const auth = expectAuth(verifySigV4(getObject, options()));
    expect(auth).toMatchObject({
      via: 'header',
      accessKeyId: ACCESS_KEY,
      account: 'acct-1',
      region: 'us-east-1',
      service: 's3',
      amzDate: AMZ_DATE,
      scope: '20130524/us-east-1/s3/aws4_request',
      signature: 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
      signedHeaders: ['host', 'range', 'x-amz-content-sha256', 'x-amz-date'],
      payload: { kind: 'sha256', hex: EMPTY_SHA256 },
    });
    expect(auth.signingKey.toString('hex')).toBe(referenceSigningKey('20130524').toString('hex'));
  });

  it('accepts spaces after the commas of the Authorization header', () => {
    const spaced = getObject.headers.authorization.replace(/,/g, ', ');
    expect(verifySigV4({ ...getObject, headers: { ...getObject.headers, authorization: spaced } }, options()).anonymous).toBe(false);
  });

  const putHeaders = {
    host: HOST,
    date: 'Fri, 24 May 2013 00:00:00 GMT',
    'x-amz-date': AMZ_DATE,
    'x-amz-storage-class': 'REDUCED_REDUNDANCY',
    'x-amz-content-sha256': '44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072',
    authorization: authorization(
      'date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class',
      '98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd',
    ),
  };

  it('PUT Object test$file.text, with $ raw or percent-encoded on the request line', () => {
    expect(createHash('sha256').update('Welcome to Amazon S3.').digest('hex')).toBe(putHeaders['x-amz-content-sha256']);
    for (const rawUrl of ['/test$file.text', '/test%24file.text']) {
      const auth = expectAuth(verifySigV4({ method: 'PUT', rawUrl, headers: putHeaders }, options()));
      expect(auth.payload).toEqual({ kind: 'sha256', hex: putHeaders['x-amz-content-sha256'] });
    }
  });

  const bucketGet = (rawUrl: string, signature: string) => ({
    method: 'GET',
    rawUrl,
    headers: {
      host: HOST,
      'x-amz-content-sha256': EMPTY_SHA256,
      'x-amz-date': AMZ_DATE,
      authorization: authorization('host;x-amz-content-sha256;x-amz-date', signature),
    },
  });

  it('GET Bucket Lifecycle (?lifecycle, a parameter without =)', () => {
    expectAuth(verifySigV4(bucketGet('/?lifecycle', 'fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543'), options()));
  });

  it('GET Bucket (?max-keys=2&prefix=J) in either parameter order', () => {
    for (const rawUrl of ['/?max-keys=2&prefix=J', '/?prefix=J&max-keys=2']) {
      expectAuth(verifySigV4(bucketGet(rawUrl, '34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7'), options()));
    }
  });

  it('presigned GET Object valid for 86400 s, until it expires', () => {
    const auth = expectAuth(verifySigV4(presigned, options({ nowMs: EXAMPLE_MS + 86_400_000 })));
    expect(auth).toMatchObject({ via: 'presigned', payload: { kind: 'unsigned' }, expiresAtMs: EXAMPLE_MS + 86_400_000 });
    expect(() => verifySigV4(presigned, options({ nowMs: EXAMPLE_MS + 86_400_001 }))).toThrow('Request has expired');
    expect(codeOf(() => verifySigV4(presigned, options({ nowMs: EXAMPLE_MS + 86_400_001 })))).toBe('AccessDenied');
  });

  it('an expired presigned URL is 403 AccessDenied with the X-Amz-Expires, Expires and ServerTime S3 gives', () => {
    const error = errorOf(() => verifySigV4(presigned, options({ nowMs: EXAMPLE_MS + 86_400_000 + 61_000 })));
    expect([error.httpStatus, error.code, error.message]).toEqual([403, 'AccessDenied', 'Request has expired']);
    expect(errorXml(error, '/test.txt', 'R1')).toContain(
      '<X-Amz-Expires>86400</X-Amz-Expires><Expires>2013-05-25T00:00:00Z</Expires><ServerTime>2013-05-25T00:01:01Z</ServerTime>',
    );
  });

  it('presigned URL dated more than 15 minutes ahead is not valid yet', () => {
    expectAuth(verifySigV4(presigned, options({ nowMs: EXAMPLE_MS - 15 * 60_000 })));
    expect(codeOf(() => verifySigV4(presigned, options({ nowMs: EXAMPLE_MS - 15 * 60_000 - 1 })))).toBe('AccessDenied');
  });

  it('presigned URL: tampering and header auth on top are refused', () => {
    const tampered = (rawUrl: string) => codeOf(() => verifySigV4({ ...presigned, rawUrl }, options()));
    expect(tampered(presigned.rawUrl.replace('/test.txt', '/test2.txt'))).toBe('SignatureDoesNotMatch');
    expect(tampered(`${presigned.rawUrl}&response-content-type=text%2Fhtml`)).toBe('SignatureDoesNotMatch');
    expect(tampered(presigned.rawUrl.replace('X-Amz-Expires=86400', 'X-Amz-Expires=86401'))).toBe('SignatureDoesNotMatch');
    expect(codeOf(() => verifySigV4({ ...presigned, method: 'PUT' }, options()))).toBe('SignatureDoesNotMatch');
    expect(codeOf(() => verifySigV4({ ...presigned, headers: { host: 'other.example.com' } }, options()))).toBe('SignatureDoesNotMatch');
    expect(codeOf(() => verifySigV4({ ...presigned, headers: { host: HOST, authorization: getObject.headers.authorization } }, options()))).toBe(
      'InvalidArgument',
    );
    expect(codeOf(() => verifySigV4({ ...presigned, headers: { host: HOST, 'x-amz-acl': 'public-read' } }, options()))).toBe('AccessDenied');
  });
});

describe('header auth errors', () => {
  const withHeaders = (headers: Record<string, string | undefined>) => ({ ...getObject, headers: { ...getObject.headers, ...headers } });
  const code = (headers: Record<string, string | undefined>, overrides: Partial<VerifySigV4Options> = {}) =>
    codeOf(() => verifySigV4(withHeaders(headers), options(overrides)));

  it('a request without any authentication is anonymous', () => {
    expect(verifySigV4({ method: 'GET', rawUrl: '/b/k?list-type=2', headers: { host: HOST } }, options())).toEqual({ anonymous: true });
  });

  it('SigV2 and other schemes are refused with InvalidRequest', () => {
    expect(code({ authorization: 'AWS AKIAIOSFODNN7EXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=' })).toBe('InvalidRequest');
    expect(code({ authorization: 'AWS4-ECDSA-P256-SHA256 Credential=x' })).toBe('InvalidRequest');
    expect(codeOf(() => verifySigV4({ method: 'GET', rawUrl: '/k?AWSAccessKeyId=A&Expires=1&Signature=x', headers: { host: HOST } }, options()))).toBe(
      'InvalidRequest',
    );
  });

  it('malformed Authorization headers', () => {
    const sig = 'f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41';
    const cases = [
      `AWS4-HMAC-SHA256 Credential=${CREDENTIAL},SignedHeaders=host;range;x-amz-content-sha256;x-amz-date`,
      `AWS4-HMAC-SHA256 Credential=${CREDENTIAL},SignedHeaders=host,Signature=${sig},Signature=${sig}`,
      `AWS4-HMAC-SHA256 Credential=${CREDENTIAL},SignedHeaders=host,Signature=${sig},Extra=1`,
      `AWS4-HMAC-SHA256 Credential=${CREDENTIAL} SignedHeaders=host Signature=${sig}`,
      authorization('range;x-amz-date', sig),
      authorization('host;Range', sig),
      authorization('host;;range', sig),
      authorization('host;host', sig),
      authorization('host', sig, 'AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3'),
      authorization('host', sig, 'AKIAIOSFODNN7EXAMPLE/2013-05-24/us-east-1/s3/aws4_request'),
      authorization('host', sig, 'AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws5_request'),
      authorization('host', sig, 'AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/ec2/aws4_request'),
      authorization('host', sig, 'AKIAIOSFODNN7EXAMPLE/20130525/us-east-1/s3/aws4_request'),
      'AWS4-HMAC-SHA256 ' + 'x'.repeat(9000),
    ];
    for (const value of cases) expect(code({ authorization: value }), value.slice(0, 120)).toBe('AuthorizationHeaderMalformed');
  });

  it('a region other than the configured one is refused; any region is accepted by default', () => {
    expect(code({}, { region: 'eu-west-1' })).toBe('AuthorizationHeaderMalformed');
    expect(code({}, { region: 'us-east-1' })).toBeUndefined();
  });

  it('an unknown access key is InvalidAccessKeyId', () => {
    expect(code({}, { lookupCredentials: () => undefined })).toBe('InvalidAccessKeyId');
  });

  it('a wrong secret or any tampering is SignatureDoesNotMatch', () => {
    expect(code({}, { lookupCredentials: () => ({ secretAccessKey: `${SECRET}x`, account: 'a' }) })).toBe('SignatureDoesNotMatch');
    expect(code({ range: 'bytes=0-10' })).toBe('SignatureDoesNotMatch');
    expect(code({ host: 'other.s3.amazonaws.com' })).toBe('SignatureDoesNotMatch');
    expect(codeOf(() => verifySigV4({ ...getObject, method: 'HEAD' }, options()))).toBe('SignatureDoesNotMatch');
    expect(codeOf(() => verifySigV4({ ...getObject, rawUrl: '/test.txt?acl' }, options()))).toBe('SignatureDoesNotMatch');
    expect(codeOf(() => verifySigV4({ ...getObject, rawUrl: '/Test.txt' }, options()))).toBe('SignatureDoesNotMatch');
    const upper = getObject.headers.authorization.replace('f0e8bdb8', 'F0E8BDB8');
    expect(code({ authorization: upper })).toBe('SignatureDoesNotMatch');
  });

  it('headers that are not signed do not matter, except x-amz-* ones', () => {
    expect(code({ 'user-agent': 'curl', 'content-type': 'text/plain' })).toBeUndefined();
    expect(code({ 'x-amz-meta-owner': 'mallory' })).toBe('AccessDenied');
  });

  it('x-amz-content-sha256 is required and must be a known value', () => {
    expect(code({ 'x-amz-content-sha256': undefined })).toBe('InvalidRequest');
    expect(code({ 'x-amz-content-sha256': 'abc' })).toBe('InvalidArgument');
    expect(code({ 'x-amz-content-sha256': 'STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD' })).toBe('NotImplemented');
  });

  it('the request time must be within 15 minutes of now', () => {
    const fifteen = 15 * 60_000;
    for (const nowMs of [EXAMPLE_MS - fifteen, EXAMPLE_MS + fifteen]) expect(code({}, { nowMs })).toBeUndefined();
    for (const nowMs of [EXAMPLE_MS - fifteen - 1000, EXAMPLE_MS + fifteen + 1000]) expect(code({}, { nowMs })).toBe('RequestTimeTooSkewed');
  });

  it('a missing or malformed date is AccessDenied', () => {
    expect(code({ 'x-amz-date': undefined })).toBe('AccessDenied');
    expect(code({ 'x-amz-date': '20130524T000000' })).toBe('AccessDenied');
    expect(code({ 'x-amz-date': '20131324T000000Z' })).toBe('AccessDenied');
  });

  it('the Date header is the request time when x-amz-date is absent', () => {
    const headers = { host: HOST, date: 'Fri, 24 May 2013 00:00:00 GMT', 'x-amz-content-sha256': EMPTY_SHA256 };
    const signedHeaders = 'date;host;x-amz-content-sha256';
    const canonical = ['GET', '/k', '', `date:${headers.date}`, `host:${HOST}`, `x-amz-content-sha256:${EMPTY_SHA256}`, '', signedHeaders, EMPTY_SHA256].join(
      '\n',
    );
    const signature = referenceSignature(canonical, AMZ_DATE);
    const auth = expectAuth(
      verifySigV4({ method: 'GET', rawUrl: '/k', headers: { ...headers, authorization: authorization(signedHeaders, signature) } }, options()),
    );
    expect(auth.amzDate).toBe(AMZ_DATE);
  });

  it('repeated header values canonicalise joined with a comma', () => {
    const headers = { host: HOST, 'x-amz-content-sha256': EMPTY_SHA256, 'x-amz-date': AMZ_DATE, 'x-amz-meta-tag': ['a', 'b'] };
    const signedHeaders = 'host;x-amz-content-sha256;x-amz-date;x-amz-meta-tag';
    const canonical = [
      'GET',
      '/k',
      '',
      `host:${HOST}`,
      `x-amz-content-sha256:${EMPTY_SHA256}`,
      `x-amz-date:${AMZ_DATE}`,
      'x-amz-meta-tag:a,b',
      '',
      signedHeaders,
      EMPTY_SHA256,
    ].join('\n');
    const request = {
      method: 'GET',
      rawUrl: '/k',
      headers: { ...headers, authorization: authorization(signedHeaders, referenceSignature(canonical, AMZ_DATE)) },
    };
    expectAuth(verifySigV4(request, options()));
  });
});

describe('presigned query errors', () => {
  const base = {
    'X-Amz-Algorithm': 'AWS4-HMAC-SHA256',
    'X-Amz-Credential': encodeURIComponent(CREDENTIAL),
    'X-Amz-Date': AMZ_DATE,
    'X-Amz-Expires': '86400',
    'X-Amz-SignedHeaders': 'host',
    'X-Amz-Signature': 'aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404',
  };
  const verify = (params: Record<string, string | undefined>, extra = '') => {
    const query = Object.entries({ ...base, ...params })
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => `${key}=${value}`)
      .join('&');
    return verifySigV4({ method: 'GET', rawUrl: `/test.txt?${query}${extra}`, headers: { host: HOST } }, options());
  };
  const code = (params: Record<string, string | undefined>, extra = '') => codeOf(() => verify(params, extra));

  it('the unmodified query verifies', () => {
    expect(code({})).toBeUndefined();
  });

  it('missing, repeated or malformed fields are AuthorizationQueryParametersError', () => {
    const cases: Array<Record<string, string | undefined>> = [
      { 'X-Amz-Date': undefined },
      { 'X-Amz-Signature': undefined },
      { 'X-Amz-SignedHeaders': undefined },
      { 'X-Amz-Expires': undefined },
      { 'X-Amz-Algorithm': 'AWS4-HMAC-SHA1' },
      { 'X-Amz-Expires': '-5' },
      { 'X-Amz-Expires': '604801' },
      { 'X-Amz-Expires': 'soon' },
      { 'X-Amz-Date': '2013-05-24T00:00:00Z' },
      { 'X-Amz-SignedHeaders': 'x-amz-date' },
      { 'X-Amz-Credential': 'AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3' },
      { 'X-Amz-Credential': 'AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fsqs%2Faws4_request' },
      { 'X-Amz-Credential': 'AKIAIOSFODNN7EXAMPLE%2F20130523%2Fus-east-1%2Fs3%2Faws4_request' },
    ];
    for (const params of cases) expect(code(params), JSON.stringify(params)).toBe('AuthorizationQueryParametersError');
    expect(code({}, '&X-Amz-Date=20130524T000000Z')).toBe('AuthorizationQueryParametersError');
  });

  it("an X-Amz-Expires below 0 or above a week is 400 AuthorizationQueryParametersError with S3's message", () => {
    const refusal = (expires: string) => {
      const error = errorOf(() => verify({ 'X-Amz-Expires': expires }));
      return [error.httpStatus, error.code, error.message];
    };
    expect(refusal('-1')).toEqual([400, 'AuthorizationQueryParametersError', 'X-Amz-Expires must be non-negative']);
    expect(refusal('604801')).toEqual([
      400,
      'AuthorizationQueryParametersError',
      'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds',
    ]);
  });

  it('X-Amz-Expires=0 is a URL valid for no time: 403 AccessDenied, Request has expired', () => {
    expect(code({ 'X-Amz-Expires': '0' })).toBe('AccessDenied');
  });

  it('the longest allowed expiry is accepted as far as the signature', () => {
    expect(code({ 'X-Amz-Expires': '604800' })).toBe('SignatureDoesNotMatch');
  });

  it('an unknown key is InvalidAccessKeyId', () => {
    expect(code({ 'X-Amz-Credential': encodeURIComponent(CREDENTIAL.replace(ACCESS_KEY, 'AKIDUNKNOWN')) })).toBe('InvalidAccessKeyId');
  });
});

describe('signing key cache', () => {
  it('derives each key once and evicts the least recently used', () => {
    const cache = new SigningKeyCache(2);
    const input = (date: string) => ({ secretAccessKey: SECRET, date, region: 'us-east-1', service: 's3' });
    const first = cache.get(input('20130524'));
    expect(first.toString('hex')).toBe(referenceSigningKey('20130524').toString('hex'));
    expect(cache.get(input('20130524'))).toBe(first);
    cache.get(input('20130525'));
    cache.get(input('20130524'));
    cache.get(input('20130526'));
    expect(cache.size).toBe(2);
    expect(cache.get(input('20130524'))).toBe(first);
    expect(cache.get({ ...input('20130524'), secretAccessKey: 'rotated' })).not.toEqual(first);
  });

  it('is used by the verifier when given', () => {
    const keyCache = new SigningKeyCache(4);
    verifySigV4(getObject, options({ keyCache }));
    expect(keyCache.size).toBe(1);
  });
});

// An independent SigV4 reference (AWS's documented steps), for requests no published example covers.
function referenceSigningKey(date: string): Buffer {
  const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();
  return hmac(hmac(hmac(hmac(`AWS4${SECRET}`, date), 'us-east-1'), 's3'), 'aws4_request');
}

function referenceSignature(canonicalRequest: string, amzDate: string): string {
  const scope = `${amzDate.slice(0, 8)}/us-east-1/s3/aws4_request`;
  const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, createHash('sha256').update(canonicalRequest).digest('hex')].join('\n');
  return createHmac('sha256', referenceSigningKey(amzDate.slice(0, 8)))
    .update(stringToSign)
    .digest('hex');
}

function setup() {
  let secret = SECRET;
  const lookupCredentials = (id: string): Credentials | undefined => (id === ACCESS_KEY ? { secretAccessKey: secret, account: 'acct-1' } : undefined);
  const verifiedUrls = new VerifiedPresignedUrls();
  const options = (nowMs = EXAMPLE_MS): VerifySigV4Options => ({ lookupCredentials, nowMs, verifiedUrls });
  const outcome = (request: typeof presigned, nowMs = EXAMPLE_MS): string => {
    return codeOf(() => verifySigV4(request, options(nowMs))) ?? 'verified';
  };
  return { options, outcome, verifiedUrls, rotate: (next: string) => (secret = next) };
}

describe('VerifiedPresignedUrls', () => {
  it('answers the same request again with the verification it remembered', () => {
    const { options, verifiedUrls } = setup();
    const first = verifySigV4(presigned, options());
    expect(verifiedUrls.size).toBe(1);
    expect(verifySigV4({ ...presigned, headers: { ...presigned.headers } }, options(EXAMPLE_MS + 1_000)), 'the very same result').toBe(first);
  });

  it('refuses, with the full verification’s error, a remembered URL whose request, key or time no longer matches', () => {
    const { outcome, rotate } = setup();
    expect(outcome(presigned)).toBe('verified');
    expect(outcome({ ...presigned, headers: { host: 'other.example.com' } }), 'another signed header value').toBe('SignatureDoesNotMatch');
    expect(outcome({ ...presigned, method: 'PUT' }), 'another method').toBe('SignatureDoesNotMatch');
    expect(outcome({ ...presigned, headers: { host: HOST, 'x-amz-acl': 'public-read' } }), 'an unsigned x-amz header').toBe('AccessDenied');
    expect(outcome({ ...presigned, headers: { host: HOST, authorization: 'AWS4-HMAC-SHA256 Credential=x' } }), 'header auth on top').toBe('InvalidArgument');
    expect(outcome(presigned, EXAMPLE_MS + 86_400_001), 'expired since').toBe('AccessDenied');
    expect(outcome(presigned, EXAMPLE_MS - 15 * 60_000 - 1), 'not valid yet').toBe('AccessDenied');
    expect(outcome(presigned), 'all the same again').toBe('verified');
    rotate('another secret');
    expect(outcome(presigned), 'the key’s secret was rotated').toBe('SignatureDoesNotMatch');
    rotate(SECRET);
    expect(outcome(presigned)).toBe('verified');
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
