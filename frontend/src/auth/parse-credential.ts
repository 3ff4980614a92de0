import { SCOPE_TERMINATOR } from './sigv4-crypto.js';

/** The parts of `AKID/YYYYMMDD/region/service/aws4_request`. */
export interface CredentialParts {
  accessKeyId: string;
  /** YYYYMMDD */
  date: string;
  region: string;
  service: string;
}

/** A credential that parsed, or why it did not (the reason reads as the end of an S3 message). */
export type CredentialParseResult = { ok: true; credential: CredentialParts } | { ok: false; reason: string };

const EXPECTED_FORM = 'expecting "<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request"';

/**
 * Parses a SigV4 credential. Only the form is checked here (five non-empty parts, an 8-digit
 * date, the aws4_request terminator); the service and region are the caller's to judge.
 */
export function parseCredential(value: string): CredentialParseResult {
  const parts = value.split('/');
  if (parts.length !== 5 || parts.some((part) => part === '')) {
    return { ok: false, reason: `the Credential is mal-formed; ${EXPECTED_FORM}.` };
  }
  const [accessKeyId, date, region, service, terminator] = parts as [string, string, string, string, string];
  if (!/^\d{8}$/.test(date)) {
    return { ok: false, reason: `incorrect date format "${date}". This date in the credential must be in the format "yyyyMMdd".` };
  }
  if (terminator !== SCOPE_TERMINATOR) {
    return { ok: false, reason: `incorrect terminal "${terminator}". This endpoint uses "${SCOPE_TERMINATOR}".` };
  }
  return { ok: true, credential: { accessKeyId, date, region, service } };
}

/** Lower-case HTTP token characters: SigV4 lists header names in lower case. */
const SIGNED_HEADER_NAME = /^[a-z0-9!#$%&'*+.^_`|~-]+$/;

/**
 * Parses `host;range;x-amz-date` into names, or undefined when a name is empty, not a
 * lower-case token, repeated, or there are more than `max` of them.
 */
export function parseSignedHeaders(value: string, max: number): string[] | undefined {
  const names = value.split(';');
  if (names.length > max) return undefined;
  if (!names.every((name) => SIGNED_HEADER_NAME.test(name))) return undefined;
  return new Set(names).size === names.length ? names : undefined;
}
