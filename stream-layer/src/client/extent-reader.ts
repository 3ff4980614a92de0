import { callMetadata, callOptions, fromServiceError, type ClientPool } from '@strata/common';
import type { streamV1 } from '@strata/protos';
import { StreamError } from '../errors.js';
import { BLOCK_HEADER_BYTES, READ_PIECE_BYTES, READ_TIMEOUT_BASE_MS } from '../limits.js';
import { PieceSequence, type BlockPiece } from './piece-sequence.js';

/** Extra read deadline per MiB, so a large range read by a slow consumer is not cut short. */
const READ_TIMEOUT_PER_MIB_MS = 1_000;

export interface ExtentBlock {
  offset: number;
  data: Buffer;
}

/**
 * Reads blocks straight from extent nodes. Any replica may serve a range that acknowledged
 * appends returned (every replica holds it); a replica that fails is left for the next, which
 * resumes at the first byte not yet received.
 */
export class ExtentReader {
  constructor(private readonly nodes: ClientPool<streamV1.ExtentNodeClient>) {}

  /** The blocks of [offset, offset + lengthBytes) of one extent, in order, each whole. */
  async *readRange(options: { extent: streamV1.ExtentInfo__Output; offset: number; lengthBytes: number; requestId?: string }): AsyncGenerator<ExtentBlock> {
    for await (const piece of this.readPieces(options, 0)) {
      if (piece.dataOffset !== 0 || piece.data.length !== piece.dataBytes) throw new StreamError('INTERNAL', `block ${piece.offset} came in pieces when asked whole`);
      yield { offset: piece.offset, data: piece.data };
    }
  }

  /**
   * The payload bytes of [offset, offset + lengthBytes) of one extent, in order, as they arrive:
   * each block whole (`pieceBytes` 0) or in pieces of at most `pieceBytes`.
   */
  private async *readPieces(
    options: { extent: streamV1.ExtentInfo__Output; offset: number; lengthBytes: number; requestId?: string },
    pieceBytes: number,
  ): AsyncGenerator<BlockPiece> {
    const end = options.offset + options.lengthBytes;
    // The first block not yet delivered whole, and how much of its payload was delivered.
    let position = options.offset;
    let delivered = 0;
    let lastError: unknown;
    for (const replica of options.extent.replicas) {
      if (position >= end) return;
      if (!replica.address) continue;
      try {
        for await (const piece of this.readFrom(replica.address, options.extent.extentId, { offset: position, end, pieceBytes, requestId: options.requestId })) {
          // A replica taking over resends the block it resumes at from its start.
          const skip = piece.offset === position ? Math.max(0, delivered - piece.dataOffset) : 0;
          const fresh = skip > 0 ? { ...piece, dataOffset: piece.dataOffset + skip, data: piece.data.subarray(skip) } : piece;
          if (fresh.data.length > 0 || fresh.dataBytes === 0) yield fresh;
          if (fresh.dataOffset + fresh.data.length >= fresh.dataBytes) {
            position = piece.offset + BLOCK_HEADER_BYTES + piece.dataBytes;
            delivered = 0;
          } else {
            delivered = fresh.dataOffset + fresh.data.length;
          }
        }
        if (position >= end) return;
      } catch (error) {
        lastError = error;
      }
    }
    if (position < end) throw lastError ?? new StreamError('UNAVAILABLE', `extent ${options.extent.extentId} has no replica with an address`);
  }

  private async *readFrom(
    address: string,
    extentId: string,
    range: { offset: number; end: number; pieceBytes: number; requestId: string | undefined },
  ): AsyncGenerator<BlockPiece> {
    const { offset, end, pieceBytes, requestId } = range;
    const context = {
      timeoutMs: READ_TIMEOUT_BASE_MS + Math.ceil((end - offset) / (1024 * 1024)) * READ_TIMEOUT_PER_MIB_MS,
      ...(requestId ? { requestId } : {}),
    };
    const request = { extentId, offset, lengthBytes: end - offset, pieceBytesMax: pieceBytes };
    const call = this.nodes.get(address).readBlocks(request, callMetadata(context), callOptions(context));
    const pieces = new PieceSequence(address, offset);
    try {
      for await (const message of call as AsyncIterable<streamV1.ReadBlocksResponse__Output>) yield pieces.next(message);
      pieces.finish();
    } catch (error) {
      throw fromServiceError(error);
    } finally {
      call.cancel();
    }
  }

  /**
   * The payloads of `pointers` in order (a blob's bytes), one whole block per Buffer, reading
   * each run of consecutive blocks of one extent with one call. With `range`, only the bytes
   * [start, start + length) of that payload sequence, reading only the blocks that hold them.
   */
  readPointers(options: ReadPointersOptions): AsyncGenerator<Buffer> {
    return this.payloadOf(options, 0);
  }

  /**
   * The same bytes as {@link readPointers}, but in pieces of at most READ_PIECE_BYTES as they
   * arrive, not whole blocks: for a consumer that sends the bytes on (a GET), which can start
   * before a whole block has arrived.
   */
  streamPointers(options: ReadPointersOptions): AsyncGenerator<Buffer> {
    return this.payloadOf(options, READ_PIECE_BYTES);
  }

  private async *payloadOf(options: ReadPointersOptions, pieceBytes: number): AsyncGenerator<Buffer> {
    const { pointers, skipBytes, length } = options.range ? pointersForRange(options.pointers, options.range) : { pointers: options.pointers, skipBytes: 0, length: Infinity };
    let toSkip = skipBytes;
    let remaining = length;
    for (const run of consecutiveRuns(pointers)) {
      const extent = options.extents.get(run.extentId);
      if (!extent) throw new StreamError('EXTENT_NOT_FOUND', `no replicas given for extent ${run.extentId}`);
      for await (const piece of this.readPieces({ extent, offset: run.offset, lengthBytes: run.lengthBytes, ...(options.requestId ? { requestId: options.requestId } : {}) }, pieceBytes)) {
        let data = piece.data;
        if (toSkip > 0) {
          const skipped = Math.min(toSkip, data.length);
          data = data.subarray(skipped);
          toSkip -= skipped;
        }
        if (data.length > remaining) data = data.subarray(0, remaining);
        remaining -= data.length;
        if (data.length > 0) yield data;
        if (remaining <= 0) return;
      }
    }
  }
}

export interface ReadPointersOptions {
  pointers: readonly streamV1.BlockPointer__Output[];
  extents: ReadonlyMap<string, streamV1.ExtentInfo__Output>;
  range?: { start: number; length: number };
  requestId?: string;
}

/**
 * The pointers holding payload bytes [start, start + length) of a pointer sequence, and how
 * many bytes of the first one come before `start`.
 */
export function pointersForRange(
  all: readonly streamV1.BlockPointer__Output[],
  range: { start: number; length: number },
): { pointers: streamV1.BlockPointer__Output[]; skipBytes: number; length: number } {
  const end = range.start + range.length;
  const pointers: streamV1.BlockPointer__Output[] = [];
  let position = 0;
  let skipBytes = 0;
  for (const pointer of all) {
    const blockEnd = position + pointer.dataBytes;
    if (blockEnd > range.start && position < end) {
      if (pointers.length === 0) skipBytes = range.start - position;
      pointers.push(pointer);
    }
    position = blockEnd;
    if (position >= end) break;
  }
  return { pointers, skipBytes, length: range.length };
}

interface Run {
  extentId: string;
  offset: number;
  lengthBytes: number;
}

/** Groups pointers that follow each other on disk in one extent. */
export function consecutiveRuns(pointers: readonly streamV1.BlockPointer__Output[]): Run[] {
  const runs: Run[] = [];
  for (const pointer of pointers) {
    const last = runs.at(-1);
    const diskBytes = BLOCK_HEADER_BYTES + pointer.dataBytes;
    if (last && last.extentId === pointer.extentId && last.offset + last.lengthBytes === pointer.offset) {
      last.lengthBytes += diskBytes;
    } else {
      runs.push({ extentId: pointer.extentId, offset: pointer.offset, lengthBytes: diskBytes });
    }
  }
  return runs;
}
