import { S3Error } from '../s3/errors.js';
import { parseAmzDate } from './amz-date.js';
import type { RawQueryParam } from './canonical-request.js';
import { MAX_PRESIGN_EXPIRES_SECONDS, MAX_SIGNED_HEADERS } from './limits.js';
import { parseCredential, parseSignedHeaders, type CredentialParts } from './parse-credential.js';
import { SIGV4_ALGORITHM } from './sigv4-crypto.js';
import { percentDecode } from './uri-encode.js';

/** The SigV4 fields of a presigned URL's query. */
export interface ParsedPresign {
  credential: CredentialParts;
  amzDate: string;
  dateMs: number;
  expiresSeconds: number;
  signedHeaders: string[];
  signature: string;
  /** An `X-Amz-Content-Sha256` query parameter (the AWS SDK presigner hoists it there), if any. */
  contentSha256?: string;
}

/** The query parameters that make a request a SigV4 presigned one. */
export const PRESIGN_PARAMS = ['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-Expires', 'X-Amz-SignedHeaders', 'X-Amz-Signature'] as const;

type PresignParam = (typeof PRESIGN_PARAMS)[number];

/**
 * Parses the SigV4 fields of a presigned URL (every parameter is required, once).
 * @throws S3Error AuthorizationQueryParametersError when a field is missing, repeated or
 *   malformed, X-Amz-Algorithm is not AWS4-HMAC-SHA256, X-Amz-Expires is outside 0..604800 or
 *   X-Amz-SignedHeaders lacks `host`.
 */
export function parsePresignedQuery(params: readonly RawQueryParam[]): ParsedPresign {
  const fields = collectFields(params);
  const get = (name: PresignParam): string => {
    const value = fields.get(name);
    if (value === undefined) {
      throw queryError(
        'Query-string authentication version 4 requires the X-Amz-Algorithm, X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.',
      );
    }
    return value;
  };
  if (get('X-Amz-Algorithm') !== SIGV4_ALGORITHM) throw queryError('X-Amz-Algorithm only supports "AWS4-HMAC-SHA256"');
  const parsed = parseCredential(get('X-Amz-Credential'));
  if (!parsed.ok) throw queryError(`Error parsing the X-Amz-Credential parameter; ${parsed.reason}`);
  const amzDate = get('X-Amz-Date');
  const dateMs = parseAmzDate(amzDate);
  if (dateMs === undefined) throw queryError(`X-Amz-Date must be in the ISO8601 Long Format "yyyyMMdd'T'HHmmss'Z'"`);
  const expiresSeconds = parseExpires(get('X-Amz-Expires'));
  const signedHeaders = parseSignedHeaders(get('X-Amz-SignedHeaders'), MAX_SIGNED_HEADERS);
  if (signedHeaders === undefined) throw queryError('X-Amz-SignedHeaders is not a list of lower-case header names.');
  if (!signedHeaders.includes('host')) throw queryError('X-Amz-SignedHeaders must include "host".');
  const signature = get('X-Amz-Signature');
  const contentSha256 = fields.get('x-amz-content-sha256');
  const result: ParsedPresign = { credential: parsed.credential, amzDate, dateMs, expiresSeconds, signedHeaders, signature };
  if (contentSha256 !== undefined) result.contentSha256 = contentSha256;
  return result;
}

/** Decoded values of the presign fields, and of x-amz-content-sha256 under any case. */
function collectFields(params: readonly RawQueryParam[]): Map<string, string> {
  const fields = new Map<string, string>();
  for (const { rawKey, rawValue } of params) {
    const key = percentDecode(rawKey).toString('utf8');
    const name = (PRESIGN_PARAMS as readonly string[]).includes(key) ? key : key.toLowerCase() === 'x-amz-content-sha256' ? 'x-amz-content-sha256' : undefined;
    if (name === undefined) continue;
    if (fields.has(name)) throw queryError(`The ${key} parameter is repeated.`);
    fields.set(name, percentDecode(rawValue).toString('utf8'));
  }
  return fields;
}

/**
 * X-Amz-Expires: whole seconds from 0 to a week, with S3's messages for the rest. 0 parses (a
 * URL valid for no time: the verifier refuses it as expired, 403, as S3 does).
 */
function parseExpires(value: string): number {
  if (!/^-?\d+$/.test(value)) throw queryError('X-Amz-Expires should be a number');
  const seconds = Number(value);
  if (seconds < 0) throw queryError('X-Amz-Expires must be non-negative');
  if (seconds > MAX_PRESIGN_EXPIRES_SECONDS) {
    throw queryError(
      `X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than ${MAX_PRESIGN_EXPIRES_SECONDS} seconds`,
    );
  }
  return seconds;
}

function queryError(message: string): S3Error {
  return new S3Error('AuthorizationQueryParametersError', message);
}
