import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, connect, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger, systemClock } from '@strata/common';
import { blockChecksum, encodeAppend } from '../../extent-node/block-format.js';
import { ExtentNodeService } from '../../extent-node/extent-node-service.js';
import { ExtentStore } from '../../extent-node/extent-store.js';
import { localDisk } from '../../extent-node/replica-disk.js';
import { levelReplicaMetaStore } from '../../extent-node/replica-meta-store.js';
import { BLOCK_HEADER_BYTES } from '../../limits.js';
import { joinParts, type AppendAck, type NodeAddress } from '../extent-node-api.js';
import { NetworkExtentNodes } from '../network-extent-nodes.js';
import { BlockClient } from './block-client.js';
import { startBlockServer, type StartedBlockServer } from './block-server.js';
import { FrameType, frameHead, jsonMeta, numbersMeta } from './frames.js';

const MiB = 1024 * 1024;
const EXTENT = 'e-1';
const CHAIN = ['n1', 'n2', 'n3'];

interface LocalNode {
  store: ExtentStore;
  server: StartedBlockServer;
  peers: NetworkExtentNodes;
}

/** Extent nodes in this process: real stores on disk, real block transport on loopback, an in-memory directory. */
async function startNodes(dir: string, ids: readonly string[]): Promise<Map<string, LocalNode>> {
  const addresses = new Map<string, NodeAddress>();
  const nodes = new Map<string, LocalNode>();
  for (const nodeId of ids) {
    const store = await ExtentStore.open({
      disk: await localDisk(join(dir, nodeId, 'extents')),
      meta: await levelReplicaMetaStore(join(dir, nodeId, 'meta')),
      clock: systemClock,
      log: silentLogger(),
    });
    const peers = new NetworkExtentNodes();
    const service = new ExtentNodeService({
      nodeId,
      store,
      nodeOf: (id) => addresses.get(id),
      nodes: peers,
      log: silentLogger(),
      isFull: () => false,
      onWriteFailure: () => undefined,
    });
    const server = await startBlockServer({ address: '127.0.0.1:0', service, log: silentLogger() });
    // The control address is not used here: the chain reaches its successor over the block transport only.
    addresses.set(nodeId, { address: 'unused:1', dataAddress: server.address });
    nodes.set(nodeId, { store, server, peers });
  }
  return nodes;
}

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
const encoded = (...payloads: Buffer[]): Buffer[] => encodeAppend(payloads.map((data) => ({ data, crc32c: blockChecksum(data) })));

/** Sends appends on one session and collects the acknowledgements, or the session's error. */
function appendAll(client: BlockClient, dataAddress: string, appends: { offset: number; parts: Buffer[] }[]): Promise<AppendAck[]> {
  return new Promise((resolve, reject) => {
    const acks: AppendAck[] = [];
    const channel = client.openAppend(dataAddress, { onAck: (ack) => acks.push(ack), onError: reject, onEnd: () => resolve(acks) }, {});
    for (const append of appends) channel.send({ extentId: EXTENT, ...append });
    channel.end();
  });
}

describe('the block transport (extent nodes in process)', () => {
  let dir: string;
  let nodes: Map<string, LocalNode>;
  let client: BlockClient;
  const node = (id: string): LocalNode => nodes.get(id)!;
  const lengthAt = (id: string): number => node(id).store.get(EXTENT).file.durableBytes;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'strata-block-transport-'));
    nodes = await startNodes(dir, CHAIN);
    for (const { store } of nodes.values()) await store.create(EXTENT, CHAIN);
    client = new BlockClient();
  });
  afterEach(async () => {
    client.close();
    for (const { server, peers, store } of nodes.values()) {
      await server.close();
      peers.close();
      await store.close();
    }
    await rm(dir, { recursive: true, force: true });
  });

  async function readReplica(id: string): Promise<string[]> {
    const blocks: string[] = [];
    for await (const item of client.readBlocks(node(id).server.address, { extentId: EXTENT, offset: 0, lengthBytes: lengthAt(id) }, { timeoutMs: 10_000 })) {
      blocks.push(sha256(joinParts(item.parts)));
    }
    return blocks;
  }

  it('takes appends down the chain unchanged: every replica holds the same blocks, acknowledged once the tail has them', async () => {
    const big = randomBytes(MiB);
    const small = randomBytes(100);
    const end = BLOCK_HEADER_BYTES * 3 + MiB + 100;
    const acks = await appendAll(client, node('n1').server.address, [
      { offset: 0, parts: encoded(big) },
      { offset: BLOCK_HEADER_BYTES + MiB, parts: encoded(small, Buffer.alloc(0)) },
    ]);
    expect(acks).toEqual([
      { offset: 0, end: BLOCK_HEADER_BYTES + MiB },
      { offset: BLOCK_HEADER_BYTES + MiB, end },
    ]);
    for (const id of CHAIN) {
      expect(lengthAt(id)).toBe(end);
      expect(await readReplica(id)).toEqual([big, small, Buffer.alloc(0)].map(sha256));
    }
  });

  it('takes an append cut into any slices (as TCP delivers it), without joining them first', async () => {
    const payload = randomBytes(70_000);
    const whole = Buffer.concat(encoded(payload));
    const slices = [whole.subarray(0, 7), whole.subarray(7, 20), whole.subarray(20, 40_000), whole.subarray(40_000)];
    expect(await appendAll(client, node('n1').server.address, [{ offset: 0, parts: slices }])).toEqual([{ offset: 0, end: whole.length }]);
    for (const id of CHAIN) expect(await readReplica(id)).toEqual([sha256(payload)]);
  });

  it('the head refuses a block whose CRC is wrong: CHECKSUM_MISMATCH, and no replica writes anything', async () => {
    const data = randomBytes(4096);
    const parts = encodeAppend([{ data, crc32c: (blockChecksum(data) + 1) >>> 0 }]);
    await expect(appendAll(client, node('n1').server.address, [{ offset: 0, parts }])).rejects.toMatchObject({ code: 'CHECKSUM_MISMATCH' });
    for (const id of CHAIN) expect(lengthAt(id)).toBe(0);
  });

  it('a middle node refuses a payload damaged on its way from the head, and takes it undamaged', async () => {
    const data = randomBytes(64 * 1024);
    const damaged = Buffer.concat(encoded(data));
    damaged[damaged.length - 1000]! ^= 0xff;
    await expect(appendAll(client, node('n2').server.address, [{ offset: 0, parts: [damaged] }])).rejects.toMatchObject({ code: 'CHECKSUM_MISMATCH' });
    expect(lengthAt('n2')).toBe(0);
    expect(lengthAt('n3')).toBe(0);
    expect(await appendAll(client, node('n2').server.address, [{ offset: 0, parts: encoded(data) }])).toEqual([
      { offset: 0, end: BLOCK_HEADER_BYTES + data.length },
    ]);
    expect(await readReplica('n3')).toEqual([sha256(data)]);
  });

  it('refuses an append that is not whole blocks ending in an end-of-append block: INVALID_ARGUMENT, nothing written', async () => {
    const [header, payload] = encoded(randomBytes(100));
    await expect(appendAll(client, node('n1').server.address, [{ offset: 0, parts: [header!, payload!.subarray(0, 50)] }])).rejects.toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
    const twoAppendsInOne = [...encoded(randomBytes(10)), ...encoded(randomBytes(10))];
    await expect(appendAll(client, node('n1').server.address, [{ offset: 0, parts: twoAppendsInOne }])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    for (const id of CHAIN) expect(lengthAt(id)).toBe(0);
  });

  it('closes a connection that sends bytes that are not frames, and serves the next one', async () => {
    const [host, port] = node('n1').server.address.split(':');
    const socket = connect({ host: host!, port: Number(port) });
    const closed = new Promise((resolve) => socket.once('close', resolve));
    socket.write(Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
    await closed;
    expect(await appendAll(client, node('n1').server.address, [{ offset: 0, parts: encoded(Buffer.from('after')) }])).toEqual([
      { offset: 0, end: BLOCK_HEADER_BYTES + 5 },
    ]);
  });
});

describe('BlockClient.readBlocks', () => {
  let server: Server | undefined;
  afterEach(async () => {
    await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  });

  it('checks every block it receives: a byte damaged on the way fails the read (CHECKSUM_MISMATCH) before the block is handed on', async () => {
    // A node that sends a block whose payload changed after its CRC was computed.
    const [header, payload] = encoded(Buffer.from('a block of data'));
    payload![0]! ^= 0xff;
    server = createServer((socket) =>
      socket.once('data', (request) => {
        const streamId = request.readUInt32LE(4);
        socket.write(Buffer.concat([frameHead(FrameType.Data, streamId, numbersMeta(0), header!.length + payload!.length), header!, payload!]));
        socket.write(frameHead(FrameType.Close, streamId, Buffer.alloc(0), 0));
      }),
    );
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const address = server.address() as { port: number };
    const client = new BlockClient();
    const received: Buffer[] = [];
    try {
      await expect(
        (async () => {
          for await (const block of client.readBlocks(`127.0.0.1:${address.port}`, { extentId: EXTENT, offset: 0, lengthBytes: 31 }, { timeoutMs: 5_000 }))
            received.push(joinParts(block.parts));
        })(),
      ).rejects.toMatchObject({ code: 'CHECKSUM_MISMATCH' });
      expect(received).toEqual([]);
    } finally {
      client.close();
    }
  });

  /** Reads `extentId` from the node at `address` to the end, through a client of its own, and answers how it failed. */
  async function readFailure(address: string, extentId: string, timeoutMs: number): Promise<unknown> {
    const client = new BlockClient();
    try {
      for await (const _ of client.readBlocks(address, { extentId, offset: 0, lengthBytes: 1 }, { timeoutMs })) void _;
      return undefined;
    } catch (error) {
      return error;
    } finally {
      client.close();
    }
  }
  const listening = async (): Promise<string> => {
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    return `127.0.0.1:${(server!.address() as { port: number }).port}`;
  };

  it('fails a read with the node’s typed error', async () => {
    server = createServer((socket) =>
      socket.once('data', (request) => {
        socket.write(frameHead(FrameType.Error, request.readUInt32LE(4), jsonMeta({ code: 'EXTENT_NOT_FOUND', message: 'no replica of e-9 here' }), 0));
      }),
    );
    expect(await readFailure(await listening(), 'e-9', 5_000)).toMatchObject({ code: 'EXTENT_NOT_FOUND' });
  });

  it('fails a read from a node that is down (nothing listens): UNAVAILABLE at once, never a read that waits for ever', async () => {
    // A port that was free a moment ago: connecting to it is refused.
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as { port: number }).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    expect(await readFailure(`127.0.0.1:${port}`, EXTENT, 60_000)).toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('fails a read from a node that takes the connection but never answers (a paused process): DEADLINE_EXCEEDED', async () => {
    // It reads the request (so it sees the client go) and answers nothing.
    server = createServer((socket) => socket.resume());
    expect(await readFailure(await listening(), EXTENT, 300)).toMatchObject({ code: 'DEADLINE_EXCEEDED' });
  });
});
