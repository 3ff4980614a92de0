import type { AuthResult } from '../auth/index.js';
import { S3Error } from './errors.js';

/** The query parameters of GET and HEAD that replace a response header, and the header each sets. */
const OVERRIDES = {
  'response-content-type': 'content-type',
  'response-content-language': 'content-language',
  'response-expires': 'expires',
  'response-cache-control': 'cache-control',
  'response-content-disposition': 'content-disposition',
  'response-content-encoding': 'content-encoding',
} as const;

/**
 * Applies S3's `response-*` query parameters to an object's headers (a presigned download
 * link naming the file to save, say). S3 refuses them on anonymous requests, since a public
 * object's headers are the owner's to set.
 * @throws S3Error InvalidRequest for an anonymous request that names one.
 */
export function applyResponseOverrides(headers: Record<string, string | number>, query: URLSearchParams, auth: AuthResult): void {
  for (const [parameter, header] of Object.entries(OVERRIDES)) {
    const value = query.get(parameter);
    if (value === null) continue;
    if (auth.anonymous) throw new S3Error('InvalidRequest', 'Request specific response headers cannot be used for anonymous GET requests.');
    headers[header] = value;
  }
}
