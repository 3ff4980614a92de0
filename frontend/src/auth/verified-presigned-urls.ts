import type { AuthContext, Credentials, SigV4Request } from './auth-context.js';
import { MAX_CLOCK_SKEW_MS, VERIFIED_PRESIGNED_URL_BYTES_MAX, VERIFIED_PRESIGNED_URLS_MAX } from './limits.js';
import { headerValue, unsignedAmzHeaders } from './request-headers.js';

interface Verified {
  result: AuthContext;
  /** The values the signed headers had, in `result.signedHeaders` order. */
  signedValues: (string | undefined)[];
  /** x-amz-content-sha256 (unsigned in a presigned URL, but it chose `payload`). */
  contentSha256: string | undefined;
  credentials: Credentials;
  /** The only region a scope could name when it was verified (VerifySigV4Options.region). */
  region: string | undefined;
  /** X-Amz-Date, parsed. */
  dateMs: number;
}

/**
 * Presigned requests already verified, by method and URL: a hot object's presigned URL is
 * fetched again and again (embedded in a page, behind a CDN on every miss), and its
 * verification is a pure function of what is compared here. A request matches an entry only
 * if everything its signature covered is the same: the method and URL (path, every query
 * parameter, the signature itself), the values of the headers it signed, and the credentials
 * its key has now (a rotated or deleted key verifies afresh, and fails). The checks that
 * depend on the request itself run every time: no Authorization header beside the query, no
 * unsigned x-amz-* header, and the URL's validity window against now. Whatever does not match
 * goes through the full verification, which gives any refusal its proper error.
 */
export class VerifiedPresignedUrls {
  // Map order is insertion order: re-inserting on a hit keeps the least recently used first.
  private readonly entries = new Map<string, Verified>();

  constructor(private readonly capacity: number = VERIFIED_PRESIGNED_URLS_MAX) {}

  /** The verification of an identical earlier request, if it still holds now. */
  get(
    request: SigV4Request,
    lookupCredentials: (accessKeyId: string) => Credentials | undefined,
    nowMs: number,
    region: string | undefined,
  ): AuthContext | undefined {
    if (request.rawUrl.length > VERIFIED_PRESIGNED_URL_BYTES_MAX) return undefined;
    const key = `${request.method} ${request.rawUrl}`;
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    const { result } = entry;
    if (region !== entry.region || headerValue(request.headers, 'authorization') !== undefined) return undefined;
    if (headerValue(request.headers, 'x-amz-content-sha256') !== entry.contentSha256) return undefined;
    for (let i = 0; i < result.signedHeaders.length; i++) {
      if (headerValue(request.headers, result.signedHeaders[i]!) !== entry.signedValues[i]) return undefined;
    }
    if (unsignedAmzHeaders(request.headers, result.signedHeaders).length > 0) return undefined;
    const credentials = lookupCredentials(result.accessKeyId);
    if (credentials?.secretAccessKey !== entry.credentials.secretAccessKey || credentials.account !== entry.credentials.account) {
      this.entries.delete(key);
      return undefined;
    }
    if (entry.dateMs - nowMs > MAX_CLOCK_SKEW_MS || nowMs > (result.expiresAtMs ?? -Infinity)) return undefined;
    this.entries.delete(key);
    this.entries.set(key, entry);
    return result;
  }

  /** Remembers a presigned request that verified under `credentials`; returns its result. */
  remember(request: SigV4Request, verified: { result: AuthContext; credentials: Credentials; region: string | undefined; dateMs: number }): AuthContext {
    if (request.rawUrl.length > VERIFIED_PRESIGNED_URL_BYTES_MAX) return verified.result;
    this.entries.set(`${request.method} ${request.rawUrl}`, {
      ...verified,
      credentials: { ...verified.credentials },
      signedValues: verified.result.signedHeaders.map((name) => headerValue(request.headers, name)),
      contentSha256: headerValue(request.headers, 'x-amz-content-sha256'),
    });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
    return verified.result;
  }

  get size(): number {
    return this.entries.size;
  }
}
