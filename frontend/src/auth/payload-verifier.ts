import { rethrowIfAssertion } from '@strata/common';
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { S3Error } from '../s3/errors.js';
import { checksumFromHeaders, createChecksumHasher, verifyChecksum, type ChecksumHasher, type ExpectedChecksum } from './checksum.js';
import type { PayloadMode } from './payload-mode.js';
import { headerValue, type RequestHeaders } from './request-headers.js';

/** What a payload must hash to. Every field is optional; with none the verifier only counts bytes. */
export interface PayloadVerifierOptions {
  /** The signed x-amz-content-sha256 digest (lower-case hex). */
  sha256Hex?: string;
  /** An x-amz-checksum-* header, validated with {@link checksumFromHeaders}. */
  checksum?: ExpectedChecksum;
  /** A Content-MD5 header, validated with {@link payloadVerifierOptions}. */
  contentMd5?: string;
  /** Hash MD5 even without a Content-MD5, for {@link PayloadVerifier.md5} (an object's ETag). */
  computeMd5?: boolean;
}

/**
 * Passes a payload through unchanged and, when it ends, checks it against the signed
 * x-amz-content-sha256 (XAmzContentSHA256Mismatch), the x-amz-checksum-* header (BadDigest)
 * and Content-MD5 (BadDigest). A mismatch destroys the stream with the S3Error before it
 * finishes, so a caller that commits only after 'finish'/'end' never stores a bad body.
 */
export class PayloadVerifier extends Transform {
  private readonly sha256: Hash | undefined;
  private readonly md5Hash: Hash | undefined;
  private readonly checksumHasher: ChecksumHasher | undefined;
  private md5Digest: Buffer | undefined;
  private bytes = 0;

  constructor(private readonly options: PayloadVerifierOptions) {
    super();
    this.sha256 = options.sha256Hex === undefined ? undefined : createHash('sha256');
    this.md5Hash = options.contentMd5 === undefined && !options.computeMd5 ? undefined : createHash('md5');
    this.checksumHasher = options.checksum === undefined ? undefined : createChecksumHasher(options.checksum.algorithm);
  }

  /** Bytes passed through so far. */
  get length(): number {
    return this.bytes;
  }

  /**
   * The MD5 of the whole payload, once it has ended without error (verified against Content-MD5
   * when one was sent); undefined before, or when neither Content-MD5 nor `computeMd5` asked for it.
   */
  md5(): Buffer | undefined {
    return this.md5Digest;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.sha256?.update(chunk);
    this.md5Hash?.update(chunk);
    this.checksumHasher?.update(chunk);
    this.bytes += chunk.length;
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    try {
      this.verify();
      callback();
    } catch (error) {
      rethrowIfAssertion(error);
      callback(error as Error);
    }
  }

  private verify(): void {
    const { sha256Hex, checksum, contentMd5 } = this.options;
    if (this.sha256 !== undefined && this.sha256.digest('hex') !== sha256Hex) {
      throw new S3Error('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", {
        clientComputedContentSHA256: sha256Hex,
      });
    }
    const md5 = this.md5Hash?.digest();
    if (contentMd5 !== undefined && md5?.toString('base64') !== contentMd5) {
      throw new S3Error('BadDigest', 'The Content-MD5 you specified did not match what we received.', { expectedDigest: contentMd5 });
    }
    if (this.checksumHasher !== undefined && checksum !== undefined) verifyChecksum(checksum, this.checksumHasher.digest());
    this.md5Digest = md5;
  }
}

/** A verifier for a plain (or already aws-chunk-decoded) payload. */
export function createPayloadVerifier(options: PayloadVerifierOptions): PayloadVerifier {
  return new PayloadVerifier(options);
}

/**
 * What to verify a request body against, from its headers and its verified payload mode:
 * the x-amz-content-sha256 digest when one was signed, the x-amz-checksum-* header and
 * Content-MD5. Headers are validated here, before any body is read.
 * @throws S3Error InvalidRequest for a malformed or repeated x-amz-checksum-* header,
 *   InvalidDigest for a malformed Content-MD5.
 */
export function payloadVerifierOptions(headers: RequestHeaders, payload?: PayloadMode): PayloadVerifierOptions {
  const options: PayloadVerifierOptions = {};
  if (payload?.kind === 'sha256') options.sha256Hex = payload.hex;
  const checksum = checksumFromHeaders(headers);
  if (checksum !== undefined) options.checksum = checksum;
  const contentMd5 = headerValue(headers, 'content-md5');
  if (contentMd5 !== undefined) {
    const digest = Buffer.from(contentMd5, 'base64');
    if (digest.length !== 16 || digest.toString('base64') !== contentMd5) {
      throw new S3Error('InvalidDigest', 'The Content-MD5 you specified was invalid.', { contentMd5 });
    }
    options.contentMd5 = contentMd5;
  }
  return options;
}
