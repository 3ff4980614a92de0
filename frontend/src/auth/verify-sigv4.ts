import { S3Error } from '../s3/errors.js';
import { formatAmzDate, parseAmzDate, parseHttpDate } from './amz-date.js';
import type { AuthContext, AuthResult, CredentialLookup, Credentials, SigV4Request } from './auth-context.js';
import { buildCanonicalRequest, parseRawQuery, splitRawUrl, type RawQueryParam } from './canonical-request.js';
import { MAX_CLOCK_SKEW_MS } from './limits.js';
import { parseAuthorizationHeader, UNSUPPORTED_MECHANISM_MESSAGE } from './parse-authorization-header.js';
import type { CredentialParts } from './parse-credential.js';
import { parsePresignedQuery } from './parse-presigned-query.js';
import { parsePayloadMode, UNSIGNED_PAYLOAD } from './payload-mode.js';
import { headerValue, unsignedAmzHeaders, type RequestHeaders } from './request-headers.js';
import { VerifiedPresignedUrls } from './verified-presigned-urls.js';
import { SigningKeyCache } from './signing-key-cache.js';
import { credentialScope, requestStringToSign, signaturesEqual, signString } from './sigv4-crypto.js';
import { percentDecode } from './uri-encode.js';

/** How {@link verifySigV4} finds secrets and judges time and region. */
export interface VerifySigV4Options {
  lookupCredentials: CredentialLookup;
  /** The current time; the verifier never reads a clock. */
  nowMs: number;
  /** When set, the only region a credential scope may name; by default any region is accepted. */
  region?: string;
  /** Signing-key cache; a process-wide one by default. */
  keyCache?: SigningKeyCache;
  /** Presigned requests verified before; a process-wide one by default. */
  verifiedUrls?: VerifiedPresignedUrls;
}

/** The service every Strata credential scope must name. */
export const S3_SERVICE = 's3';

// One process-wide cache: signing keys are pure functions of their inputs, so sharing is safe.
const defaultKeyCache = new SigningKeyCache();
// Likewise: an entry matches only a request its verification covers whole.
const defaultVerifiedUrls = new VerifiedPresignedUrls();

/**
 * Verifies the SigV4 signature of an S3 request, from the Authorization header or a presigned
 * query, and says who signed it and how the body is protected.
 * Returns `{ anonymous: true }` when the request carries no authentication at all.
 * The body is not read: `payload` tells the caller what to verify while streaming it.
 * @throws S3Error InvalidArgument (both header and presigned query), InvalidRequest (SigV2 or
 *   another scheme; missing x-amz-content-sha256 on header auth), AuthorizationHeaderMalformed /
 *   AuthorizationQueryParametersError (malformed fields, wrong service or region, credential date
 *   not the request date), InvalidAccessKeyId, AccessDenied (no valid date, unsigned x-amz-*
 *   headers, presigned URL expired or not yet valid), RequestTimeTooSkewed (header auth more than
 *   15 minutes off `nowMs`), SignatureDoesNotMatch.
 */
export function verifySigV4(request: SigV4Request, options: VerifySigV4Options): AuthResult {
  const verifiedUrls = options.verifiedUrls ?? defaultVerifiedUrls;
  const verified = verifiedUrls.get(request, options.lookupCredentials, options.nowMs, options.region);
  if (verified) return verified;
  const { rawPath, rawQuery } = splitRawUrl(request.rawUrl);
  const query = parseRawQuery(rawQuery);
  const queryKeys = new Set(query.map(({ rawKey }) => percentDecode(rawKey).toString('utf8')));
  const presigned = queryKeys.has('X-Amz-Algorithm') || queryKeys.has('X-Amz-Credential') || queryKeys.has('X-Amz-Signature');
  const authorization = headerValue(request.headers, 'authorization');
  if (presigned && authorization !== undefined) {
    throw new S3Error(
      'InvalidArgument',
      'Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified',
    );
  }
  const target: SignedTarget = { method: request.method, rawPath, query, headers: request.headers };
  if (presigned) return verifyPresigned(target, options, (result) => verifiedUrls.remember(request, result));
  if (authorization !== undefined) return verifyHeaderAuth(target, options);
  if (queryKeys.has('AWSAccessKeyId') || queryKeys.has('Signature')) throw new S3Error('InvalidRequest', UNSUPPORTED_MECHANISM_MESSAGE);
  return { anonymous: true };
}

/** The request as the canonical request sees it. */
interface SignedTarget {
  method: string;
  rawPath: string;
  query: readonly RawQueryParam[];
  headers: RequestHeaders;
}

function verifyHeaderAuth(target: SignedTarget, options: VerifySigV4Options): AuthContext {
  const parsed = parseAuthorizationHeader(headerValue(target.headers, 'authorization') ?? '');
  const contentSha256 = headerValue(target.headers, 'x-amz-content-sha256');
  if (contentSha256 === undefined) throw new S3Error('InvalidRequest', 'Missing required header for this request: x-amz-content-sha256');
  const payload = parsePayloadMode(contentSha256);
  const { amzDate, dateMs } = headerRequestTime(target.headers);
  checkScope(parsed.credential, { amzDate, region: options.region, code: 'AuthorizationHeaderMalformed' });
  checkAllAmzHeadersSigned(target.headers, parsed.signedHeaders);
  const credentials = lookup(parsed.credential.accessKeyId, options.lookupCredentials);
  if (Math.abs(dateMs - options.nowMs) > MAX_CLOCK_SKEW_MS) {
    throw new S3Error('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', {
      requestTime: amzDate,
      serverTime: formatAmzDate(options.nowMs),
      maxAllowedSkewMilliseconds: MAX_CLOCK_SKEW_MS,
    });
  }
  const signed = checkSignature(target, {
    credential: parsed.credential,
    credentials,
    amzDate,
    signedHeaders: parsed.signedHeaders,
    payloadHash: contentSha256,
    signature: parsed.signature,
    keyCache: options.keyCache ?? defaultKeyCache,
  });
  return { anonymous: false, via: 'header', ...signed, account: credentials.account, payload };
}

function verifyPresigned(
  target: SignedTarget,
  options: VerifySigV4Options,
  remember: (verified: { result: AuthContext; credentials: Credentials; region: string | undefined; dateMs: number }) => AuthContext,
): AuthContext {
  const parsed = parsePresignedQuery(target.query);
  const { amzDate, dateMs } = parsed;
  checkScope(parsed.credential, { amzDate, region: options.region, code: 'AuthorizationQueryParametersError' });
  checkAllAmzHeadersSigned(target.headers, parsed.signedHeaders);
  const credentials = lookup(parsed.credential.accessKeyId, options.lookupCredentials);
  // A URL dated in the future is a clock problem of the signer; S3 refuses it until then.
  if (dateMs - options.nowMs > MAX_CLOCK_SKEW_MS) throw new S3Error('AccessDenied', 'Request is not valid yet');
  const expiresAtMs = dateMs + parsed.expiresSeconds * 1000;
  // X-Amz-Expires=0 makes a URL valid for no time at all, even within its own second.
  if (options.nowMs > expiresAtMs || parsed.expiresSeconds === 0) {
    // S3's own elements, named and dated as S3 writes them (ISO 8601 to the second).
    throw new S3Error('AccessDenied', 'Request has expired', {
      'X-Amz-Expires': parsed.expiresSeconds,
      expires: isoSeconds(expiresAtMs),
      serverTime: isoSeconds(options.nowMs),
    });
  }
  const payloadHash = headerValue(target.headers, 'x-amz-content-sha256') ?? parsed.contentSha256 ?? UNSIGNED_PAYLOAD;
  const payload = parsePayloadMode(payloadHash);
  const signed = checkSignature(target, {
    credential: parsed.credential,
    credentials,
    amzDate,
    signedHeaders: parsed.signedHeaders,
    payloadHash,
    signature: parsed.signature,
    keyCache: options.keyCache ?? defaultKeyCache,
    omitQueryKey: 'X-Amz-Signature',
  });
  return remember({
    result: { anonymous: false, via: 'presigned', ...signed, account: credentials.account, payload, expiresAtMs },
    credentials,
    region: options.region,
    dateMs,
  });
}

/** A time as S3's error answers give it: `2013-05-25T00:00:00Z`. */
function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The request time of header auth: x-amz-date, else the Date header. */
function headerRequestTime(headers: RequestHeaders): { amzDate: string; dateMs: number } {
  const amzDateHeader = headerValue(headers, 'x-amz-date');
  const dateMs = amzDateHeader !== undefined ? parseAmzDate(amzDateHeader) : parseHttpDateHeader(headers);
  if (dateMs === undefined) throw new S3Error('AccessDenied', 'AWS authentication requires a valid Date or x-amz-date header');
  return { amzDate: amzDateHeader ?? formatAmzDate(dateMs), dateMs };
}

function parseHttpDateHeader(headers: RequestHeaders): number | undefined {
  const date = headerValue(headers, 'date');
  return date === undefined ? undefined : parseHttpDate(date);
}

interface ScopeRules {
  amzDate: string;
  region: string | undefined;
  code: 'AuthorizationHeaderMalformed' | 'AuthorizationQueryParametersError';
}

/** The credential scope must name s3, the allowed region if any, and the request's own date. */
function checkScope(credential: CredentialParts, rules: ScopeRules): void {
  const prefix = rules.code === 'AuthorizationHeaderMalformed' ? 'The authorization header is malformed; ' : 'Error parsing the X-Amz-Credential parameter; ';
  if (credential.service !== S3_SERVICE) {
    throw new S3Error(rules.code, `${prefix}incorrect service "${credential.service}". This endpoint belongs to "${S3_SERVICE}".`);
  }
  if (rules.region !== undefined && credential.region !== rules.region) {
    throw new S3Error(rules.code, `${prefix}the region '${credential.region}' is wrong; expecting '${rules.region}'`, { region: rules.region });
  }
  if (credential.date !== rules.amzDate.slice(0, 8)) {
    const requestDate = rules.amzDate.slice(0, 8);
    throw new S3Error(rules.code, `${prefix}Invalid credential date "${credential.date}". This date is not the same as X-Amz-Date: "${requestDate}".`);
  }
}

/**
 * Every x-amz-* header must be signed, else anyone relaying a signed request (a presigned URL
 * above all) could add x-amz-acl or x-amz-copy-source to it. x-amz-content-sha256 is exempt:
 * its value is the payload-hash line of the canonical request, so it is signed either way.
 */
function checkAllAmzHeadersSigned(headers: RequestHeaders, signedHeaders: readonly string[]): void {
  const unsigned = unsignedAmzHeaders(headers, signedHeaders);
  if (unsigned.length > 0) {
    throw new S3Error('AccessDenied', 'There were headers present in the request which were not signed', { headersNotSigned: unsigned.join(', ') });
  }
}

function lookup(accessKeyId: string, lookupCredentials: CredentialLookup): Credentials {
  const credentials = lookupCredentials(accessKeyId);
  if (credentials === undefined) {
    throw new S3Error('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', { awsAccessKeyId: accessKeyId });
  }
  return credentials;
}

interface SignatureInput {
  credential: CredentialParts;
  credentials: Credentials;
  amzDate: string;
  signedHeaders: readonly string[];
  payloadHash: string;
  signature: string;
  keyCache: SigningKeyCache;
  omitQueryKey?: string;
}

type SignedFields = Omit<AuthContext, 'anonymous' | 'via' | 'account' | 'payload' | 'expiresAtMs'>;

function checkSignature(target: SignedTarget, input: SignatureInput): SignedFields {
  const { credential, amzDate } = input;
  const scope = credentialScope(credential);
  const canonicalRequest = buildCanonicalRequest({
    ...target,
    signedHeaders: input.signedHeaders,
    payloadHash: input.payloadHash,
    ...(input.omitQueryKey !== undefined ? { omitQueryKey: input.omitQueryKey } : {}),
  });
  const stringToSign = requestStringToSign({ amzDate, scope, canonicalRequest });
  const signingKey = input.keyCache.get({ secretAccessKey: input.credentials.secretAccessKey, ...credential });
  if (!signaturesEqual(signString(signingKey, stringToSign), input.signature)) {
    throw new S3Error(
      'SignatureDoesNotMatch',
      'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      { awsAccessKeyId: credential.accessKeyId, stringToSign, canonicalRequest },
    );
  }
  const { accessKeyId, region, service } = credential;
  return { accessKeyId, region, service, amzDate, scope, signingKey, signature: input.signature, signedHeaders: input.signedHeaders };
}
