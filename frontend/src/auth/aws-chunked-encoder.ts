import { chunkSignature, canonicalTrailerHash, trailerSignature, type ChunkSigningContext } from './chunk-signature.js';
import { EMPTY_SHA256_HEX, sha256Hex } from './sigv4-crypto.js';

/** What to frame as an aws-chunked body. */
export interface AwsChunkedEncodeOptions {
  data: Uint8Array;
  /** Data bytes per chunk (the last data chunk may be shorter); AWS SDKs use 65536. */
  chunkSize: number;
  /** Signs every chunk (STREAMING-AWS4-HMAC-SHA256-PAYLOAD[-TRAILER]); omit for STREAMING-UNSIGNED-PAYLOAD-TRAILER. */
  signing?: ChunkSigningContext;
  /** Trailer lines, in order. When signing, their presence selects the -TRAILER variant. */
  trailers?: ReadonlyArray<readonly [string, string]>;
}

/**
 * Frames data as an aws-chunked body the way AWS SDKs do: for tests and tools that talk to
 * Strata (the front-end itself only decodes). Signed chunks chain from `signing.seedSignature`;
 * the final zero-size chunk is signed too, and trailers are followed by x-amz-trailer-signature
 * when signing.
 */
export function encodeAwsChunked(options: AwsChunkedEncodeOptions): Buffer {
  const { data, chunkSize, signing } = options;
  if (!Number.isInteger(chunkSize) || chunkSize < 1) throw new RangeError('chunkSize must be a positive integer');
  const parts: Buffer[] = [];
  let previousSignature = signing?.seedSignature ?? '';
  const header = (size: number, hash: string): string => {
    if (signing === undefined) return `${size.toString(16)}\r\n`;
    previousSignature = chunkSignature(signing, { previousSignature, sha256Hex: hash });
    return `${size.toString(16)};chunk-signature=${previousSignature}\r\n`;
  };
  for (let offset = 0; offset < data.length; offset += chunkSize) {
    const chunk = data.subarray(offset, offset + chunkSize);
    parts.push(Buffer.from(header(chunk.length, signing === undefined ? '' : sha256Hex(chunk)), 'latin1'), Buffer.from(chunk), Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(header(0, EMPTY_SHA256_HEX), 'latin1'));
  const trailers = options.trailers ?? [];
  for (const [name, value] of trailers) parts.push(Buffer.from(`${name}:${value}\r\n`, 'latin1'));
  if (signing !== undefined && options.trailers !== undefined) {
    const signature = trailerSignature(signing, { previousSignature, sha256Hex: canonicalTrailerHash(trailers) });
    parts.push(Buffer.from(`x-amz-trailer-signature:${signature}\r\n`, 'latin1'));
  }
  parts.push(Buffer.from('\r\n'));
  return Buffer.concat(parts);
}
