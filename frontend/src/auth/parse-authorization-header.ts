import { S3Error } from '../s3/errors.js';
import { MAX_AUTHORIZATION_HEADER_BYTES, MAX_SIGNED_HEADERS } from './limits.js';
import { parseCredential, parseSignedHeaders, type CredentialParts } from './parse-credential.js';
import { SIGV4_ALGORITHM } from './sigv4-crypto.js';

/** The fields of an `Authorization: AWS4-HMAC-SHA256 ...` header. */
export interface ParsedAuthorization {
  credential: CredentialParts;
  signedHeaders: string[];
  signature: string;
}

/** S3's answer to SigV2 and any other scheme but AWS4-HMAC-SHA256. */
export const UNSUPPORTED_MECHANISM_MESSAGE = 'The authorization mechanism you have provided is not supported. Please use AWS4-HMAC-SHA256.';

/**
 * Parses `AWS4-HMAC-SHA256 Credential=AKID/date/region/service/aws4_request,
 * SignedHeaders=a;b, Signature=hex` (fields in any order, spaces after commas optional).
 * Checks form only: the service, region and dates are judged by the caller.
 * @throws S3Error InvalidRequest for another scheme (SigV2 `AWS ...`, SigV4a);
 *   AuthorizationHeaderMalformed for a missing, repeated or malformed field, or a SignedHeaders
 *   list without `host`.
 */
export function parseAuthorizationHeader(value: string): ParsedAuthorization {
  if (value.length > MAX_AUTHORIZATION_HEADER_BYTES) throw malformed('the header is too long.');
  const space = value.indexOf(' ');
  const scheme = space === -1 ? value : value.slice(0, space);
  if (scheme !== SIGV4_ALGORITHM) throw new S3Error('InvalidRequest', UNSUPPORTED_MECHANISM_MESSAGE);
  const fields = parseFields(value.slice(space + 1));
  const credentialValue = fields.get('Credential');
  const signedHeadersValue = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (credentialValue === undefined || signedHeadersValue === undefined || signature === undefined || signature === '') {
    throw malformed('it needs Credential, SignedHeaders and Signature.');
  }
  const parsed = parseCredential(credentialValue);
  if (!parsed.ok) throw malformed(parsed.reason);
  const signedHeaders = parseSignedHeaders(signedHeadersValue, MAX_SIGNED_HEADERS);
  if (signedHeaders === undefined) throw malformed('SignedHeaders is not a list of lower-case header names.');
  if (!signedHeaders.includes('host')) throw malformed('SignedHeaders must include "host".');
  return { credential: parsed.credential, signedHeaders, signature };
}

function parseFields(rest: string): Map<string, string> {
  const fields = new Map<string, string>();
  for (const field of rest.split(',')) {
    const trimmed = field.trim();
    const eq = trimmed.indexOf('=');
    if (eq <= 0) throw malformed(`"${trimmed}" is not a key=value field.`);
    const key = trimmed.slice(0, eq);
    if (fields.has(key)) throw malformed(`the field ${key} is repeated.`);
    if (key !== 'Credential' && key !== 'SignedHeaders' && key !== 'Signature') throw malformed(`unknown field ${key}.`);
    fields.set(key, trimmed.slice(eq + 1));
  }
  return fields;
}

function malformed(reason: string): S3Error {
  return new S3Error('AuthorizationHeaderMalformed', `The authorization header is malformed; ${reason}`);
}
