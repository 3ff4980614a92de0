import { rethrowIfAssertion } from '@strata/common';
import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { S3Error } from '../s3/errors.js';
import {
  checksumAlgorithmOf,
  createChecksumHasher,
  parseChecksumValue,
  verifyChecksum,
  type ChecksumAlgorithm,
  type ChecksumHasher,
  type ExpectedChecksum,
} from './checksum.js';
import { malformedChunked, parseChunkHeader } from './chunk-header.js';
import { canonicalTrailerHash, chunkSignature, trailerSignature, type ChunkSigningContext } from './chunk-signature.js';
import { MAX_CHUNK_HEADER_BYTES, MAX_TRAILER_BYTES } from './limits.js';
import type { StreamingPayloadMode } from './payload-mode.js';
import { EMPTY_SHA256_HEX, signaturesEqual } from './sigv4-crypto.js';

/** How to decode one aws-chunked body. */
export interface AwsChunkedDecoderOptions {
  /** The request's streaming payload mode. */
  payload: StreamingPayloadMode;
  /** Required for `streaming-signed`: the signing key, timestamp, scope and seed signature. */
  signing?: ChunkSigningContext;
  /** Lower-case trailer names declared in x-amz-trailer; only these may (and must) arrive. */
  trailerNames?: readonly string[];
  /** x-amz-decoded-content-length, when the request declared it. */
  decodedContentLength?: number;
}

const CR = 0x0d;
const LF = 0x0a;
const TRAILER_SIGNATURE = 'x-amz-trailer-signature';

type State = 'header' | 'data' | 'data-crlf' | 'trailer' | 'done';

/**
 * Turns an aws-chunked body into its payload bytes, streaming: chunk data is passed on as it
 * arrives (views of the input, never a whole chunk held), hashed on the way, and a chunk's
 * signature is checked when its last byte has gone through. Any problem destroys the stream
 * with an S3Error, so a caller that commits only after 'finish'/'end' never stores a bad body:
 * SignatureDoesNotMatch (chunk or trailer signature), InvalidRequest (framing: bad hex size,
 * missing CRLF, oversize header line, data after the end, undeclared or missing trailer),
 * IncompleteBody (body ends early; decoded length not x-amz-decoded-content-length), BadDigest
 * (checksum trailer does not match the data).
 */
export class AwsChunkedDecoder extends Transform {
  private readonly signing: ChunkSigningContext | undefined;
  private readonly signedTrailer: boolean;
  private readonly declared: ReadonlySet<string>;
  private readonly decodedContentLength: number | undefined;
  /** The first checksum trailer declared: its digest is computed over the payload as it passes. */
  private readonly checksumTrailer: { name: string; algorithm: ChecksumAlgorithm; hasher: ChecksumHasher } | undefined;
  private state: State = 'header';
  private lineParts: Buffer[] = [];
  private lineLength = 0;
  private trailerBytes = 0;
  private remaining = 0;
  private crlfSeen = 0;
  private chunkHash: Hash | undefined;
  private givenChunkSignature = '';
  private previousSignature: string;
  private decoded = 0;
  private readonly received = new Map<string, string>();
  private givenTrailerSignature: string | undefined;
  private verified: ExpectedChecksum | undefined;

  constructor(options: AwsChunkedDecoderOptions) {
    super();
    const signed = options.payload.kind === 'streaming-signed';
    if (signed && options.signing === undefined) throw new Error('A signed aws-chunked body needs its signing context');
    this.signing = signed ? options.signing : undefined;
    this.previousSignature = options.signing?.seedSignature ?? '';
    const hasTrailer = options.payload.kind === 'streaming-unsigned-trailer' || options.payload.trailer;
    this.signedTrailer = signed && hasTrailer;
    this.declared = new Set(hasTrailer ? options.trailerNames : []);
    this.decodedContentLength = options.decodedContentLength;
    const name = [...this.declared].find((declared) => checksumAlgorithmOf(declared) !== undefined);
    const algorithm = name === undefined ? undefined : checksumAlgorithmOf(name);
    this.checksumTrailer = name === undefined || algorithm === undefined ? undefined : { name, algorithm, hasher: createChecksumHasher(algorithm) };
  }

  /** The trailers received (lower-case names), complete once the stream has ended. */
  get trailers(): ReadonlyMap<string, string> {
    return this.received;
  }

  /** Payload bytes passed on so far. */
  get decodedLength(): number {
    return this.decoded;
  }

  /** The checksum trailer, once verified against the payload (undefined if none was declared). */
  get checksum(): ExpectedChecksum | undefined {
    return this.verified;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    try {
      this.consume(chunk);
      callback();
    } catch (error) {
      rethrowIfAssertion(error);
      callback(error as Error);
    }
  }

  override _flush(callback: TransformCallback): void {
    if (this.state === 'done') callback();
    else callback(new S3Error('IncompleteBody', 'The request body ended before the final aws-chunked chunk and its trailers.'));
  }

  private consume(chunk: Buffer): void {
    let offset = 0;
    while (offset < chunk.length) {
      switch (this.state) {
        case 'header':
        case 'trailer':
          offset = this.consumeLine(chunk, offset);
          break;
        case 'data':
          offset = this.consumeData(chunk, offset);
          break;
        case 'data-crlf':
          offset = this.consumeCrlf(chunk, offset);
          break;
        case 'done':
          throw malformedChunked('data follows the final chunk');
      }
    }
  }

  /** Gathers one CRLF-terminated line (bounded), then handles it. */
  private consumeLine(chunk: Buffer, offset: number): number {
    const newline = chunk.indexOf(LF, offset);
    const end = newline === -1 ? chunk.length : newline + 1;
    const limit = this.state === 'header' ? MAX_CHUNK_HEADER_BYTES : MAX_TRAILER_BYTES - this.trailerBytes;
    if (this.lineLength + (end - offset) > limit) {
      throw malformedChunked(this.state === 'header' ? 'a chunk header line is too long' : 'the trailers are too long');
    }
    this.lineParts.push(chunk.subarray(offset, end));
    this.lineLength += end - offset;
    if (newline === -1) return end;
    const line = this.lineParts.length === 1 ? (this.lineParts[0] as Buffer) : Buffer.concat(this.lineParts);
    this.lineParts = [];
    this.lineLength = 0;
    if (line.length < 2 || line[line.length - 2] !== CR) throw malformedChunked('a line does not end with CRLF');
    const text = line.toString('latin1', 0, line.length - 2);
    if (this.state === 'header') this.onChunkHeader(text);
    else {
      this.trailerBytes += line.length;
      this.onTrailerLine(text);
    }
    return end;
  }

  private onChunkHeader(text: string): void {
    const header = parseChunkHeader(text, this.signing === undefined ? 'unsigned' : 'signed');
    if (this.decodedContentLength !== undefined && this.decoded + header.size > this.decodedContentLength) {
      throw lengthMismatch(this.decodedContentLength);
    }
    if (header.size === 0) {
      this.checkChunkSignature(header.signature, EMPTY_SHA256_HEX);
      this.state = 'trailer';
      return;
    }
    this.remaining = header.size;
    this.givenChunkSignature = header.signature;
    if (this.signing !== undefined) this.chunkHash = createHash('sha256');
    this.state = 'data';
  }

  private consumeData(chunk: Buffer, offset: number): number {
    const take = Math.min(this.remaining, chunk.length - offset);
    const data = chunk.subarray(offset, offset + take);
    this.chunkHash?.update(data);
    this.checksumTrailer?.hasher.update(data);
    this.decoded += take;
    this.remaining -= take;
    this.push(data);
    if (this.remaining === 0) {
      if (this.chunkHash !== undefined) this.checkChunkSignature(this.givenChunkSignature, this.chunkHash.digest('hex'));
      this.chunkHash = undefined;
      this.crlfSeen = 0;
      this.state = 'data-crlf';
    }
    return offset + take;
  }

  private consumeCrlf(chunk: Buffer, offset: number): number {
    if (chunk[offset] !== (this.crlfSeen === 0 ? CR : LF)) throw malformedChunked('chunk data is not followed by CRLF');
    this.crlfSeen += 1;
    if (this.crlfSeen === 2) this.state = 'header';
    return offset + 1;
  }

  /** Chains the signature of a chunk whose data hashes to `sha256Hex`; no-op when unsigned. */
  private checkChunkSignature(given: string, sha256Hex: string): void {
    if (this.signing === undefined) return;
    const expected = chunkSignature(this.signing, { previousSignature: this.previousSignature, sha256Hex });
    if (!signaturesEqual(expected, given)) {
      throw new S3Error('SignatureDoesNotMatch', 'The chunk signature we calculated does not match the signature you provided.', {
        decodedOffset: this.decoded,
      });
    }
    this.previousSignature = expected;
  }

  private onTrailerLine(text: string): void {
    if (text === '') {
      this.finishBody();
      this.state = 'done';
      return;
    }
    if (this.givenTrailerSignature !== undefined) throw malformedChunked(`a trailer follows ${TRAILER_SIGNATURE}`);
    const colon = text.indexOf(':');
    if (colon <= 0) throw malformedChunked('a trailer line is not name:value');
    const name = text.slice(0, colon).trim().toLowerCase();
    const value = text.slice(colon + 1).trim();
    if (this.signedTrailer && name === TRAILER_SIGNATURE) {
      this.givenTrailerSignature = value;
      return;
    }
    if (!this.declared.has(name)) throw new S3Error('InvalidRequest', `The trailer ${name} was not declared in x-amz-trailer.`);
    if (this.received.has(name)) throw malformedChunked(`the trailer ${name} is repeated`);
    this.received.set(name, value);
  }

  /** After the last trailer line: signature, completeness, length and checksum, in that order. */
  private finishBody(): void {
    if (this.signedTrailer) this.checkTrailerSignature();
    for (const name of this.declared) {
      if (!this.received.has(name)) throw new S3Error('InvalidRequest', `The trailer ${name} declared in x-amz-trailer was not sent.`);
    }
    if (this.decodedContentLength !== undefined && this.decoded !== this.decodedContentLength) {
      throw lengthMismatch(this.decodedContentLength);
    }
    if (this.checksumTrailer !== undefined) {
      const { name, algorithm, hasher } = this.checksumTrailer;
      const expected = parseChecksumValue(algorithm, this.received.get(name) ?? '');
      verifyChecksum(expected, hasher.digest());
      this.verified = expected;
    }
  }

  private checkTrailerSignature(): void {
    if (this.signing === undefined) return;
    if (this.givenTrailerSignature === undefined) throw malformedChunked(`the trailers lack ${TRAILER_SIGNATURE}`);
    const sha256Hex = canonicalTrailerHash([...this.received]);
    const expected = trailerSignature(this.signing, { previousSignature: this.previousSignature, sha256Hex });
    if (!signaturesEqual(expected, this.givenTrailerSignature)) {
      throw new S3Error('SignatureDoesNotMatch', 'The trailer signature we calculated does not match the signature you provided.');
    }
  }
}

/**
 * A decoder for an aws-chunked body: pipe the request into it and read the payload out.
 * See {@link AwsChunkedDecoder} for the errors it is destroyed with.
 * @throws Error when a signed mode is given no signing context (a caller bug, not a request problem).
 */
export function createAwsChunkedDecoder(options: AwsChunkedDecoderOptions): AwsChunkedDecoder {
  return new AwsChunkedDecoder(options);
}

function lengthMismatch(declared: number): S3Error {
  return new S3Error('IncompleteBody', 'The decoded body length does not match x-amz-decoded-content-length.', {
    decodedContentLength: declared,
  });
}
