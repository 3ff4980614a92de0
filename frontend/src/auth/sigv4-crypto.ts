import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** The one signing algorithm Strata accepts (SigV4 with HMAC-SHA256). */
export const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';
/** Algorithm line of the string to sign of one aws-chunked chunk. */
export const CHUNK_ALGORITHM = 'AWS4-HMAC-SHA256-PAYLOAD';
/** Algorithm line of the string to sign of aws-chunked trailers. */
export const TRAILER_ALGORITHM = 'AWS4-HMAC-SHA256-TRAILER';
/** The last element of every SigV4 credential scope. */
export const SCOPE_TERMINATOR = 'aws4_request';
/** Hex SHA-256 of zero bytes: the payload hash of an empty body. */
export const EMPTY_SHA256_HEX = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** Hex SHA-256 of a string (UTF-8) or bytes. */
export function sha256Hex(data: string | Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

/** HMAC-SHA256 of a string (UTF-8) under a key. */
export function hmacSha256(key: string | Uint8Array, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

/** The parts a SigV4 signing key is derived from. */
export interface SigningKeyInput {
  secretAccessKey: string;
  /** YYYYMMDD, the credential scope's date. */
  date: string;
  region: string;
  service: string;
}

/** The SigV4 signing key: HMAC chain over "AWS4"+secret, date, region, service, "aws4_request". */
export function deriveSigningKey(input: SigningKeyInput): Buffer {
  const dateKey = hmacSha256(`AWS4${input.secretAccessKey}`, input.date);
  const regionKey = hmacSha256(dateKey, input.region);
  const serviceKey = hmacSha256(regionKey, input.service);
  return hmacSha256(serviceKey, SCOPE_TERMINATOR);
}

/** `date/region/service/aws4_request`. */
export function credentialScope(parts: { date: string; region: string; service: string }): string {
  return `${parts.date}/${parts.region}/${parts.service}/${SCOPE_TERMINATOR}`;
}

/** The signature of a string to sign: lower-case hex HMAC-SHA256 under the signing key. */
export function signString(signingKey: Uint8Array, stringToSign: string): string {
  return hmacSha256(signingKey, stringToSign).toString('hex');
}

/** What a request's string to sign is made of. */
export interface RequestToSign {
  /** `YYYYMMDDTHHMMSSZ` */
  amzDate: string;
  scope: string;
  canonicalRequest: string;
}

/** The string to sign of a request: algorithm, timestamp, scope and the canonical request's hash. */
export function requestStringToSign(request: RequestToSign): string {
  return [SIGV4_ALGORITHM, request.amzDate, request.scope, sha256Hex(request.canonicalRequest)].join('\n');
}

/**
 * Whether a signature the client sent equals the one computed, in time independent of where
 * they differ. Any length or case difference is a mismatch (SigV4 signatures are lower-case hex).
 */
export function signaturesEqual(computed: string, given: string): boolean {
  const a = Buffer.from(computed, 'latin1');
  const b = Buffer.from(given, 'latin1');
  return a.length === b.length && timingSafeEqual(a, b);
}
