import { rethrowIfAssertion } from '@strata/common';
import type { streamV1 } from '@strata/protos';
import { StreamError } from '../errors.js';
import { BLOCK_HEADER_BYTES, READ_TIMEOUT_BASE_MS } from '../limits.js';
import { joinParts, type ExtentNodes, type NodeAddress } from '../transport/extent-node-api.js';

/** Extra read deadline per MiB, so a large range read by a slow consumer is not cut short. */
const READ_TIMEOUT_PER_MIB_MS = 1_000;

/** A block read: where it starts in the extent, and its payload as slices (see ReadBlock). */
export interface ExtentBlock {
  offset: number;
  parts: Buffer[];
  dataBytes: number;
}

/**
 * Reads blocks straight from extent nodes. Any replica may serve a range that acknowledged
 * appends returned (every replica holds it), so reads take turns among them; a replica that
 * fails is left for the next, which resumes at the first block not yet received.
 */
export class ExtentReader {
  /** Where the next read starts among an extent's replicas: reads take turns, so no replica (the head) serves them all. */
  private turn = 0;

  constructor(private readonly nodes: ExtentNodes) {}

  /** The blocks of [offset, offset + lengthBytes) of one extent, in order. */
  async *readRange(options: { extent: streamV1.ExtentInfo__Output; offset: number; lengthBytes: number; requestId?: string }): AsyncGenerator<ExtentBlock> {
    const end = options.offset + options.lengthBytes;
    let position = options.offset;
    let lastError: unknown;
    const replicas = options.extent.replicas;
    const first = this.turn++ % Math.max(1, replicas.length);
    for (const replica of [...replicas.slice(first), ...replicas.slice(0, first)]) {
      if (position >= end) return;
      if (!replica.address) continue;
      try {
        for await (const block of this.readFrom(replica, options.extent.extentId, position, end, options.requestId)) {
          position = block.offset + BLOCK_HEADER_BYTES + block.dataBytes;
          yield block;
        }
        if (position >= end) return;
      } catch (error) {
        rethrowIfAssertion(error);
        lastError = error;
      }
    }
    if (position < end) throw lastError ?? new StreamError('UNAVAILABLE', `extent ${options.extent.extentId} has no replica with an address`);
  }

  private async *readFrom(replica: NodeAddress, extentId: string, offset: number, end: number, requestId?: string): AsyncGenerator<ExtentBlock> {
    const context = {
      timeoutMs: READ_TIMEOUT_BASE_MS + Math.ceil((end - offset) / (1024 * 1024)) * READ_TIMEOUT_PER_MIB_MS,
      ...(requestId ? { requestId } : {}),
    };
    let expected = offset;
    for await (const message of this.nodes.at(replica).readBlocks({ extentId, offset, lengthBytes: end - offset }, context)) {
      if (message.offset !== expected) throw new StreamError('INTERNAL', `replica at ${replica.address} sent block ${message.offset}, expected ${expected}`);
      expected = message.offset + BLOCK_HEADER_BYTES + message.dataBytes;
      yield { offset: message.offset, parts: message.parts, dataBytes: message.dataBytes };
    }
  }

  /**
   * The payloads of whole blocks, one Buffer per pointer, in order: for a reader that decodes
   * block by block (a checkpoint). Reads each run of consecutive blocks with one call.
   */
  async *readBlockPayloads(options: {
    pointers: readonly streamV1.BlockPointer__Output[];
    extents: ReadonlyMap<string, streamV1.ExtentInfo__Output>;
  }): AsyncGenerator<Buffer> {
    let index = 0;
    for (const run of consecutiveRuns(options.pointers)) {
      const extent = options.extents.get(run.extentId);
      if (!extent) throw new StreamError('EXTENT_NOT_FOUND', `no replicas given for extent ${run.extentId}`);
      for await (const block of this.readRange({ extent, offset: run.offset, lengthBytes: run.lengthBytes })) {
        // A pointer that does not name a whole block on disk is bad data, not a bug here.
        const pointer = options.pointers[index++];
        if (pointer === undefined || Number(pointer.offset) !== block.offset || Number(pointer.dataBytes) !== block.dataBytes)
          throw new StreamError('INTERNAL', `the block at ${run.extentId}@${block.offset} (${block.dataBytes} bytes) is not the one a pointer names`);
        yield joinParts(block.parts);
      }
    }
    if (index !== options.pointers.length) throw new StreamError('INTERNAL', `read ${index} blocks for ${options.pointers.length} pointers`);
  }

  /**
   * The payloads of `pointers` in order (a blob's bytes), as chunks of any size (the slices
   * the bytes arrived in: a block may come in several), reading each run of consecutive blocks
   * of one extent with one call. With `range`, only the bytes [start, start + length) of that
   * payload sequence, reading only the blocks that hold them.
   */
  async *readPointers(options: {
    pointers: readonly streamV1.BlockPointer__Output[];
    extents: ReadonlyMap<string, streamV1.ExtentInfo__Output>;
    range?: { start: number; length: number };
    requestId?: string;
  }): AsyncGenerator<Buffer> {
    const { pointers, skipBytes, length } = options.range
      ? pointersForRange(options.pointers, options.range)
      : { pointers: options.pointers, skipBytes: 0, length: Infinity };
    let toSkip = skipBytes;
    let remaining = length;
    for (const run of consecutiveRuns(pointers)) {
      const extent = options.extents.get(run.extentId);
      if (!extent) throw new StreamError('EXTENT_NOT_FOUND', `no replicas given for extent ${run.extentId}`);
      for await (const block of this.readRange({
        extent,
        offset: run.offset,
        lengthBytes: run.lengthBytes,
        ...(options.requestId ? { requestId: options.requestId } : {}),
      })) {
        // Slice by slice, as they came off the socket: nothing is joined on the way to the client.
        for (let data of block.parts) {
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
