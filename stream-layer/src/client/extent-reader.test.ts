import { randomBytes } from 'node:crypto';
import * as grpc from '@grpc/grpc-js';
import { ClientPool, startGrpcServer, type StartedGrpcServer } from '@strata/common';
import { extentNodeProto, type streamV1 } from '@strata/protos';
import { afterEach, describe, expect, it } from 'vitest';
import { blockMessages } from '../extent-node/service.js';
import { BLOCK_HEADER_BYTES, READ_PIECE_BYTES } from '../limits.js';
import { ExtentReader } from './extent-reader.js';
import { PieceSequence } from './piece-sequence.js';

const MiB = 1024 * 1024;
const EXTENT = 'e-1';
const payloads = [randomBytes(MiB), randomBytes(MiB + 3), randomBytes(1000)];
const blocks = payloads.map((data, i) => ({ offset: payloads.slice(0, i).reduce((sum, p) => sum + BLOCK_HEADER_BYTES + p.length, 0), data, flags: 0 }));
const pointers = blocks.map((b) => ({ extentId: EXTENT, offset: b.offset, dataBytes: b.data.length }));
const all = Buffer.concat(payloads);

/** How a scripted replica misbehaves: fails after `failAfter` messages, or sends them out of order. */
interface Script {
  failAfter?: number;
  swapFirstTwo?: boolean;
}

/** A replica that serves `blocks` from memory, as an extent node would, per its script. */
async function scriptedReplica(script: Script): Promise<StartedGrpcServer> {
  const ReadBlocks = (call: grpc.ServerWritableStream<streamV1.ReadBlocksRequest__Output, streamV1.ReadBlocksResponse>): void => {
    const { offset, lengthBytes, pieceBytesMax } = call.request;
    const messages = blocks.filter((b) => b.offset >= offset && b.offset < offset + lengthBytes).flatMap((b) => [...blockMessages(b, pieceBytesMax)]);
    if (script.swapFirstTwo) messages.splice(0, 2, messages[1]!, messages[0]!);
    for (const [i, message] of messages.entries()) {
      if (i === script.failAfter) {
        call.emit('error', { code: grpc.status.UNAVAILABLE, details: 'scripted failure' });
        return;
      }
      call.write(message);
    }
    call.end();
  };
  return startGrpcServer({ address: '127.0.0.1:0', services: [{ definition: extentNodeProto().ExtentNode.service, handlers: { ReadBlocks } }] });
}

describe('ExtentReader', () => {
  const servers: StartedGrpcServer[] = [];
  const nodes = new ClientPool(extentNodeProto().ExtentNode);
  const reader = new ExtentReader(nodes);
  afterEach(async () => {
    nodes.close();
    for (const server of servers.splice(0)) await server.stop(100);
  });

  async function extentOn(...scripts: Script[]): Promise<Map<string, streamV1.ExtentInfo__Output>> {
    const replicas = [];
    for (const [i, script] of scripts.entries()) {
      const server = await scriptedReplica(script);
      servers.push(server);
      replicas.push({ nodeId: `n${i}`, address: server.address, healthy: true });
    }
    return new Map([[EXTENT, { extentId: EXTENT, replicas, sealed: true, sealedLengthBytes: 0, lengthBytes: 0, holds: [] }]]);
  }

  async function collect(source: AsyncIterable<Buffer>): Promise<Buffer[]> {
    const out: Buffer[] = [];
    for await (const data of source) out.push(data);
    return out;
  }

  it('streams a blob in pieces of at most READ_PIECE_BYTES, and reads it in whole blocks when asked', async () => {
    const extents = await extentOn({});
    const streamed = await collect(reader.streamPointers({ pointers, extents }));
    expect(Math.max(...streamed.map((piece) => piece.length))).toBe(READ_PIECE_BYTES);
    expect(Buffer.concat(streamed).equals(all)).toBe(true);
    const whole = await collect(reader.readPointers({ pointers, extents }));
    expect(whole.map((data) => data.length)).toEqual(payloads.map((p) => p.length));
    expect(Buffer.concat(whole).equals(all)).toBe(true);
  });

  it('resumes on the next replica inside a block without repeating or losing a byte', async () => {
    // The first replica fails after two pieces of the second block (messages 0-3 are block 0).
    const extents = await extentOn({ failAfter: 6 }, {});
    expect(Buffer.concat(await collect(reader.streamPointers({ pointers, extents }))).equals(all)).toBe(true);
    const range = { start: MiB - 10, length: MiB + 20 };
    const ranged = Buffer.concat(await collect(reader.streamPointers({ pointers, extents, range })));
    expect(ranged.equals(all.subarray(range.start, range.start + range.length))).toBe(true);
    const whole = await collect(reader.readPointers({ pointers, extents: await extentOn({ failAfter: 1 }, {}) }));
    expect(Buffer.concat(whole).equals(all)).toBe(true);
  });

  it('leaves a replica that sends pieces out of order for the next, and fails INTERNAL when none is left', async () => {
    const extents = await extentOn({ swapFirstTwo: true }, {});
    expect(Buffer.concat(await collect(reader.streamPointers({ pointers, extents }))).equals(all)).toBe(true);
    const faulty = await extentOn({ swapFirstTwo: true });
    await expect(collect(reader.streamPointers({ pointers, extents: faulty }))).rejects.toMatchObject({ code: 'INTERNAL', message: expect.stringContaining('expected block 0 bytes 0..') });
  });
});

describe('PieceSequence', () => {
  const piece = (offset: number, dataOffset: number, length: number, dataBytes: number) => ({ offset, dataOffset, data: Buffer.alloc(length, 1), dataBytes, flags: 0 });

  it('accepts whole blocks, ordered pieces, an empty block, and whole blocks from a node that sends no data_bytes', () => {
    const sequence = new PieceSequence('n', 100);
    expect(sequence.next(piece(100, 0, 10, 10)).dataBytes).toBe(10);
    sequence.next(piece(126, 0, 4, 10));
    sequence.next(piece(126, 4, 6, 10));
    sequence.next(piece(152, 0, 0, 0));
    expect(sequence.next(piece(168, 0, 7, 0))).toMatchObject({ offset: 168, dataOffset: 0, dataBytes: 7 });
    expect(() => sequence.finish()).not.toThrow();
  });

  it.each([
    ['a gap between blocks', [piece(0, 0, 10, 10), piece(30, 0, 10, 10)], 'expected block 26'],
    ['a piece that skips bytes', [piece(0, 0, 4, 10), piece(0, 6, 4, 10)], 'bytes 6.. of 10, expected block 0 bytes 4..'],
    ['a piece that repeats bytes', [piece(0, 0, 4, 10), piece(0, 2, 8, 10)], 'expected block 0 bytes 4..'],
    ['a block that starts before the last one ended', [piece(0, 0, 4, 10), piece(26, 0, 4, 4)], 'expected block 0 bytes 4..'],
    ['a piece whose block size changed', [piece(0, 0, 4, 10), piece(0, 4, 4, 12)], 'of 12, expected block 0 bytes 4.. of 10'],
    ['an empty piece of a non-empty block', [piece(0, 0, 0, 10)], 'an empty piece of block 0'],
    ['more bytes than the block holds', [piece(0, 0, 12, 10)], 'more than the 10 bytes of block 0'],
  ])('refuses %s with INTERNAL', (_what, messages, message) => {
    const sequence = new PieceSequence('n', 0);
    expect(() => messages.forEach((m) => sequence.next(m))).toThrow(message);
  });

  it('refuses a reply that ends inside a block', () => {
    const sequence = new PieceSequence('n', 0);
    sequence.next(piece(0, 0, 4, 10));
    expect(() => sequence.finish()).toThrow('ended the reply inside block 0 (4 of 10 bytes)');
  });
});
