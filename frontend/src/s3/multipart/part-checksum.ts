import type { Readable } from 'node:stream';
import { AwsChunkedDecoder } from '../../auth/aws-chunked-decoder.js';
import { checksumFromHeaders, createChecksumHasher, verifyChecksum, type ChecksumHasher, type ExpectedChecksum } from '../../auth/checksum.js';
import type { S3Request } from '../operation.js';

/**
 * The additional checksum of an uploaded part, verified against its bytes: an aws-chunked
 * trailer (the decoder verifies it), or an x-amz-checksum-* header (the payload verifier
 * verifies it on a plain body; on an aws-chunked body it is computed here as bytes pass).
 * `verified()` is meaningful once the body has ended without error.
 */
export class PartChecksum {
  private readonly header: ExpectedChecksum | undefined;
  private readonly hasher: ChecksumHasher | undefined;

  /** @throws S3Error InvalidRequest for a malformed or repeated checksum header. */
  constructor(
    request: S3Request,
    private readonly body: Readable,
  ) {
    this.header = checksumFromHeaders(request.headers);
    this.hasher = this.header && body instanceof AwsChunkedDecoder ? createChecksumHasher(this.header.algorithm) : undefined;
  }

  /** Sees the payload bytes, in order. */
  observe(chunk: Buffer): void {
    this.hasher?.update(chunk);
  }

  /**
   * The checksum, or undefined when the part came with none.
   * @throws S3Error BadDigest when a header checksum on an aws-chunked body does not match.
   */
  verified(): ExpectedChecksum | undefined {
    if (this.hasher && this.header) verifyChecksum(this.header, this.hasher.digest());
    const trailer = this.body instanceof AwsChunkedDecoder ? this.body.checksum : undefined;
    return trailer ?? this.header;
  }
}
