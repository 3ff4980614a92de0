import { PartitionError } from '../../errors.js';

/** An MD5 digest is 16 bytes. */
const MD5_BYTES = 16;

/**
 * The ETag (lower-case hex MD5) of the bytes of an upload, from the digest the front-end sent
 * with its commit: the front-end hashes the body as it streams (checking the client's
 * Content-MD5 against it first), so this server never hashes blob bytes.
 * @throws PartitionError INVALID_ARGUMENT when the digest is missing or not 16 bytes.
 */
export function etagOfContentMd5(digest: Buffer | undefined): string {
  if (!digest || digest.length !== MD5_BYTES) {
    throw new PartitionError('INVALID_ARGUMENT', `the commit needs the ${MD5_BYTES}-byte MD5 of the bytes sent, got ${digest?.length ?? 0} bytes`);
  }
  return digest.toString('hex');
}
