import type { PayloadMode } from './payload-mode.js';
import type { RequestHeaders } from './request-headers.js';

/** The secret behind an access key id, and the account the key acts for. */
export interface Credentials {
  secretAccessKey: string;
  account: string;
}

/** Finds the credentials of an access key id; undefined when the key is unknown. */
export type CredentialLookup = (accessKeyId: string) => Credentials | undefined;

/** The parts of an incoming request that SigV4 covers. */
export interface SigV4Request {
  /** Upper-case HTTP method. */
  method: string;
  /** Path and query exactly as on the request line (Node's `req.url`). */
  rawUrl: string;
  headers: RequestHeaders;
}

/** A request that carried a valid SigV4 signature. */
export interface AuthContext {
  anonymous: false;
  /** Where the signature was: the Authorization header or a presigned query. */
  via: 'header' | 'presigned';
  accessKeyId: string;
  account: string;
  region: string;
  service: string;
  /** The request timestamp as signed, `YYYYMMDDTHHMMSSZ`. */
  amzDate: string;
  /** `YYYYMMDD/region/s3/aws4_request` */
  scope: string;
  /** The derived SigV4 key (shared with the key cache: do not mutate). */
  signingKey: Buffer;
  /** The request's signature: the seed of an aws-chunked signature chain. */
  signature: string;
  signedHeaders: readonly string[];
  /** How the body is protected, from x-amz-content-sha256 (UNSIGNED-PAYLOAD for presigned by default). */
  payload: PayloadMode;
  /** For presigned URLs: when the URL stops being valid. */
  expiresAtMs?: number;
}

/** A request with no authentication at all: the caller decides whether anonymous access is allowed. */
export interface AnonymousRequest {
  anonymous: true;
}

/** The outcome of {@link verifySigV4}. */
export type AuthResult = AuthContext | AnonymousRequest;
