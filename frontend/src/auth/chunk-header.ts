import { S3Error } from '../s3/errors.js';
import { MAX_CHUNK_SIZE_HEX_DIGITS } from './limits.js';

/** A parsed aws-chunked chunk header line. */
export interface ChunkHeader {
  /** Bytes of data in the chunk; 0 marks the final chunk. */
  size: number;
  /** The chunk-signature extension ('' in unsigned mode). */
  signature: string;
}

const CHUNK_SIGNATURE_EXTENSION = 'chunk-signature=';
const HEX_SIZE = new RegExp(`^[0-9a-fA-F]{1,${MAX_CHUNK_SIZE_HEX_DIGITS}}$`);

/**
 * Parses a chunk header line without its CRLF: `hex-size;chunk-signature=sig` when signed,
 * `hex-size` (any `;extension` ignored, as HTTP chunk extensions are) when unsigned.
 * @throws S3Error InvalidRequest when the size is not 1-13 hex digits or a signed chunk has no
 *   chunk-signature.
 */
export function parseChunkHeader(line: string, mode: 'signed' | 'unsigned'): ChunkHeader {
  const semicolon = line.indexOf(';');
  const sizeText = semicolon === -1 ? line : line.slice(0, semicolon);
  if (!HEX_SIZE.test(sizeText)) throw malformedChunked(`invalid chunk size "${sizeText.slice(0, 32)}"`);
  const size = parseInt(sizeText, 16);
  if (mode === 'unsigned') return { size, signature: '' };
  const extension = semicolon === -1 ? '' : line.slice(semicolon + 1);
  if (!extension.startsWith(CHUNK_SIGNATURE_EXTENSION)) throw malformedChunked('a chunk header lacks its chunk-signature');
  return { size, signature: extension.slice(CHUNK_SIGNATURE_EXTENSION.length) };
}

/** The error for an aws-chunked body that breaks the framing rules. */
export function malformedChunked(reason: string): S3Error {
  return new S3Error('InvalidRequest', `The aws-chunked request body is malformed: ${reason}.`);
}
