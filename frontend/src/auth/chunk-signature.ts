import { CHUNK_ALGORITHM, EMPTY_SHA256_HEX, sha256Hex, signString, TRAILER_ALGORITHM } from './sigv4-crypto.js';

/** What the signatures of an aws-chunked body are computed from (all of it is in the AuthContext). */
export interface ChunkSigningContext {
  signingKey: Uint8Array;
  /** The request timestamp, `YYYYMMDDTHHMMSSZ`. */
  amzDate: string;
  /** `YYYYMMDD/region/s3/aws4_request` */
  scope: string;
  /** The request's own signature, which the first chunk signature chains from. */
  seedSignature: string;
}

/** One link of the chain: the previous signature and the hash of what this link signs. */
export interface ChainLink {
  previousSignature: string;
  /** Hex SHA-256 of the chunk data (or of the canonical trailer). */
  sha256Hex: string;
}

/**
 * The signature of one chunk: HMAC over `AWS4-HMAC-SHA256-PAYLOAD`, the timestamp, the scope,
 * the previous signature, the hash of nothing and the hash of the chunk data.
 */
export function chunkSignature(context: ChunkSigningContext, link: ChainLink): string {
  const stringToSign = [CHUNK_ALGORITHM, context.amzDate, context.scope, link.previousSignature, EMPTY_SHA256_HEX, link.sha256Hex].join('\n');
  return signString(context.signingKey, stringToSign);
}

/**
 * The trailer signature: HMAC over `AWS4-HMAC-SHA256-TRAILER`, the timestamp, the scope, the
 * final chunk's signature and the hash of the canonical trailer (see {@link canonicalTrailer}).
 */
export function trailerSignature(context: ChunkSigningContext, link: ChainLink): string {
  const stringToSign = [TRAILER_ALGORITHM, context.amzDate, context.scope, link.previousSignature, link.sha256Hex].join('\n');
  return signString(context.signingKey, stringToSign);
}

/** The canonical trailer that is hashed for the trailer signature: `name:value\n` per trailer. */
export function canonicalTrailer(trailers: ReadonlyArray<readonly [string, string]>): string {
  return trailers.map(([name, value]) => `${name}:${value}\n`).join('');
}

/** Hex SHA-256 of the canonical trailer. */
export function canonicalTrailerHash(trailers: ReadonlyArray<readonly [string, string]>): string {
  return sha256Hex(canonicalTrailer(trailers));
}
