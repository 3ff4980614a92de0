/** Limits of request authentication and aws-chunked decoding, each with why it has this value. */

/** How far x-amz-date (or Date) may be from our clock for header auth: S3's documented 15 minutes. */
export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

/** Longest lifetime of a presigned URL, in seconds: S3 refuses more than 7 days. */
export const MAX_PRESIGN_EXPIRES_SECONDS = 7 * 24 * 60 * 60;

/** Signing keys kept: one per (secret, day, region, service); a few hundred covers every active key for a day. */
export const SIGNING_KEY_CACHE_SIZE = 256;

/** Longest Authorization header we parse: a real one is ~300 bytes plus ~30 per signed header. */
export const MAX_AUTHORIZATION_HEADER_BYTES = 8 * 1024;

/** Most headers a request may sign: real clients sign about a dozen; this stops quadratic work on hostile lists. */
export const MAX_SIGNED_HEADERS = 128;

/** Longest chunk header line (`hex;chunk-signature=...`, CRLF included): a signed one is under 100 bytes; extensions get slack. */
export const MAX_CHUNK_HEADER_BYTES = 1024;

/** Most hex digits in a chunk size: 13 already exceed 2^52 bytes, and more would leave safe-integer range. */
export const MAX_CHUNK_SIZE_HEX_DIGITS = 13;

/** Longest trailer section (all `name:value` lines, CRLFs included): a checksum line is under 100 bytes. */
export const MAX_TRAILER_BYTES = 16 * 1024;

/**
 * Presigned URLs whose verification is remembered: a hot object's URL is fetched over and over
 * (a page, a CDN miss), and a few hundred hot URLs are what pays. Measured: 10,000 entries held
 * ~70 MiB of a front-end's RSS after 100k distinct presigned PUTs (an entry keeps its URL and
 * the strings sliced from it); 1,000 keep the hot-key phase's rate.
 */
export const VERIFIED_PRESIGNED_URLS_MAX = 1_000;

/** Longest presigned URL remembered; a longer one is verified every time. */
export const VERIFIED_PRESIGNED_URL_BYTES_MAX = 4 * 1024;
