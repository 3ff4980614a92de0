import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as grpc from '@grpc/grpc-js';
import { ClientPool, fromServiceError, passThroughBidiStream, silentLogger, startGrpcServer, systemClock, type StartedGrpcServer } from '@strata/common';
import { extentNodeProto, type streamV1 } from '@strata/protos';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GrpcExtentNodes } from '../transport/grpc-extent-nodes.js';
import { BLOCK_HEADER_BYTES } from '../limits.js';
import { blockChecksum } from './block-format.js';
import { ExtentNodeService } from './extent-node-service.js';
import { ExtentStore } from './extent-store.js';
import { localDisk } from './replica-disk.js';
import { levelReplicaMetaStore } from './replica-meta-store.js';
import { extentNodeDefinition, extentNodeHandlers } from './service.js';

const MiB = 1024 * 1024;
const EXTENT = 'e-1';
const CHAIN = ['n1', 'n2', 'n3'];

interface LocalNode {
  store: ExtentStore;
  server: StartedGrpcServer;
  peers: GrpcExtentNodes;
}

/** Extent nodes in this process: real stores on disk, real gRPC on loopback, an in-memory directory. */
async function startNodes(dir: string, ids: readonly string[]): Promise<Map<string, LocalNode>> {
  const addresses = new Map<string, string>();
  const nodes = new Map<string, LocalNode>();
  for (const nodeId of ids) {
    const store = await ExtentStore.open({
      disk: await localDisk(join(dir, nodeId, 'extents')),
      meta: await levelReplicaMetaStore(join(dir, nodeId, 'meta')),
      clock: systemClock,
      log: silentLogger(),
    });
    const peers = new GrpcExtentNodes();
    const service = new ExtentNodeService({
      nodeId,
      store,
      addressOf: (id) => addresses.get(id),
      nodes: peers,
      log: silentLogger(),
      isFull: () => false,
      onWriteFailure: () => undefined,
    });
    const handlers = extentNodeHandlers(service);
    const server = await startGrpcServer({ address: '127.0.0.1:0', services: [{ definition: extentNodeDefinition(), handlers }] });
    addresses.set(nodeId, server.address);
    nodes.set(nodeId, { store, server, peers });
  }
  return nodes;
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
const block = (data: Buffer): streamV1.Block => ({ data, crc32c: blockChecksum(data) });

/** Sends appends on one Append call and collects the replies, or the call's error. */
async function appendAll(
  call: grpc.ClientDuplexStream<never, streamV1.AppendResponse__Output>,
  messages: unknown[],
): Promise<streamV1.AppendResponse__Output[]> {
  const replies: streamV1.AppendResponse__Output[] = [];
  call.on('data', (reply: streamV1.AppendResponse__Output) => replies.push(reply));
  for (const message of messages) call.write(message as never);
  call.end();
  await new Promise<void>((resolve, reject) => {
    call.on('end', resolve);
    call.on('error', (error) => reject(fromServiceError(error)));
  });
  return replies;
}

describe('extent node service, in process', () => {
  let dir: string;
  let nodes: Map<string, LocalNode>;
  let client: ClientPool<streamV1.ExtentNodeClient>;
  const node = (id: string): LocalNode => nodes.get(id)!;
  const lengthAt = (id: string): number => node(id).store.get(EXTENT).file.durableBytes;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'strata-en-service-'));
    nodes = await startNodes(dir, CHAIN);
    for (const { store } of nodes.values()) await store.create(EXTENT, CHAIN);
    client = new ClientPool(extentNodeProto().ExtentNode);
  });
  afterEach(async () => {
    client.close();
    for (const { server, peers, store } of nodes.values()) {
      await server.stop(100);
      peers.close();
      await store.close();
    }
    await rm(dir, { recursive: true, force: true });
  });

  // SHA-256 of each block: comparing MiB buffers element by element is slow in expect.
  async function readReplica(id: string): Promise<string[]> {
    const blocks: string[] = [];
    for await (const item of node(id).store.get(EXTENT).file.read(0, lengthAt(id))) blocks.push(sha256(item.data));
    return blocks;
  }

  describe('Append down a chain', () => {
    it('forwards appends unchanged: every replica holds the same blocks, acknowledged once the tail has them', async () => {
      const big = randomBytes(MiB);
      const small = randomBytes(100);
      const first = { extentId: EXTENT, offset: 0, blocks: [block(big)] };
      const second = { extentId: EXTENT, offset: BLOCK_HEADER_BYTES + MiB, blocks: [block(small), block(Buffer.alloc(0))] };
      const end = BLOCK_HEADER_BYTES * 3 + MiB + 100;
      const replies = await appendAll(client.get(node('n1').server.address).append(), [first, second]);
      expect(replies).toEqual([
        { offset: 0, end: BLOCK_HEADER_BYTES + MiB },
        { offset: BLOCK_HEADER_BYTES + MiB, end },
      ]);
      for (const id of CHAIN) {
        expect(lengthAt(id)).toBe(end);
        expect(await readReplica(id)).toEqual([big, small, Buffer.alloc(0)].map(sha256));
      }
    });

    it('the head refuses a block whose CRC is wrong: CHECKSUM_MISMATCH, and no replica writes anything', async () => {
      const data = randomBytes(4096);
      const bad = { extentId: EXTENT, offset: 0, blocks: [{ data, crc32c: (blockChecksum(data) + 1) >>> 0 }] };
      await expect(appendAll(client.get(node('n1').server.address).append(), [bad])).rejects.toMatchObject({ code: 'CHECKSUM_MISMATCH' });
      for (const id of CHAIN) expect(lengthAt(id)).toBe(0);
    });

    it('a middle node refuses a forwarded message whose payload was damaged after the head checked it', async () => {
      // What a head would forward, damaged on the way: the encoded message with one payload
      // byte flipped, its CRC field intact. Sent to the middle node as raw message bytes.
      const data = randomBytes(64 * 1024);
      const encoded = extentNodeProto().ExtentNode.service.Append.requestSerialize({ extentId: EXTENT, offset: 0, blocks: [block(data)] });
      const damaged = Buffer.from(encoded);
      damaged[damaged.length - 1000]! ^= 0xff;
      const raw = passThroughBidiStream(client.get(node('n2').server.address), extentNodeProto().ExtentNode.service.Append, new grpc.Metadata());
      await expect(appendAll(raw as never, [damaged])).rejects.toMatchObject({ code: 'CHECKSUM_MISMATCH' });
      expect(lengthAt('n2')).toBe(0);
      expect(lengthAt('n3')).toBe(0);
      // The same bytes undamaged are taken and forwarded to the tail.
      const replies = await appendAll(
        passThroughBidiStream(client.get(node('n2').server.address), extentNodeProto().ExtentNode.service.Append, new grpc.Metadata()) as never,
        [encoded],
      );
      expect(replies).toEqual([{ offset: 0, end: BLOCK_HEADER_BYTES + data.length }]);
      expect(await readReplica('n3')).toEqual([sha256(data)]);
    });

    it('refuses bytes that are not an AppendRequest: INTERNAL (grpc-js cannot decode them), nothing is written', async () => {
      const raw = passThroughBidiStream(client.get(node('n1').server.address), extentNodeProto().ExtentNode.service.Append, new grpc.Metadata());
      await expect(appendAll(raw as never, [Buffer.from([0xff, 0xff, 0xff, 0xff])])).rejects.toMatchObject({
        code: 'INTERNAL',
        message: expect.stringContaining('Error deserializing request'),
      });
      for (const id of CHAIN) expect(lengthAt(id)).toBe(0);
    });
  });
});
