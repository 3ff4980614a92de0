import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { ExtentReader, extentNodeClients, joinParts, StreamManagerClient, StreamWriter } from '@strata/stream-layer';
import { InProcessStamp } from '../helpers/in-process-stamp.js';

describe('StreamWriter (in-process stamp)', () => {
  let stamp: InProcessStamp | undefined;
  afterEach(async () => {
    await stamp?.stop();
    stamp = undefined;
  });

  it('appends to a new stream and reads every acknowledged block back from every replica', async () => {
    stamp = await InProcessStamp.start();
    const log = stamp.logger('test');
    const manager = new StreamManagerClient({ etcd: stamp.etcdClient(), prefix: stamp.prefix, clock: stamp.clock, log });
    const nodes = extentNodeClients();
    try {
      const stream = await manager.createStream('component/one');
      const writer = await StreamWriter.open({ manager, nodes, clock: stamp.clock, log, streamId: stream.streamId });
      const pointers = await Promise.all(Array.from({ length: 20 }, (_, i) => writer.append([Buffer.from(`block ${i}`)])));
      await writer.close();
      const last = pointers.at(-1)![0]!;
      const extent = await manager.getExtent(last.extentId as string);
      const reader = new ExtentReader(nodes);
      for (const replica of extent.replicas) {
        const blocks: string[] = [];
        for await (const block of reader.readRange({
          extent: { ...extent, replicas: [replica] },
          offset: 0,
          lengthBytes: Number(last.offset) + 16 + Number(last.dataBytes),
        }))
          blocks.push(joinParts(block.parts).toString());
        expect(blocks).toEqual(Array.from({ length: 20 }, (_, i) => `block ${i}`));
      }
    } finally {
      manager.close();
      nodes.close();
    }
  });

  it('hands on a large block as the slices it arrived in, and whole to a reader of block payloads', async () => {
    stamp = await InProcessStamp.start();
    const log = stamp.logger('test');
    const manager = new StreamManagerClient({ etcd: stamp.etcdClient(), prefix: stamp.prefix, clock: stamp.clock, log });
    const nodes = extentNodeClients();
    try {
      const stream = await manager.createStream('component/large');
      const writer = await StreamWriter.open({ manager, nodes, clock: stamp.clock, log, streamId: stream.streamId });
      // Larger than one socket read (64 KiB): each block crosses the wire in several chunks.
      const payloads = [randomBytes(1024 * 1024), randomBytes(300_000), randomBytes(10)];
      const pointers = (await writer.append(payloads)).map((pointer) => ({ ...pointer, extentId: pointer.extentId as string }));
      await writer.close();
      const extents = new Map([[pointers[0]!.extentId, await manager.getExtent(pointers[0]!.extentId)]]);
      const reader = new ExtentReader(nodes);
      const chunks: Buffer[] = [];
      for await (const chunk of reader.readPointers({ pointers, extents })) chunks.push(chunk);
      expect(chunks.length, 'the 1 MiB block came in several slices, none joined').toBeGreaterThan(payloads.length);
      expect(Buffer.concat(chunks).equals(Buffer.concat(payloads))).toBe(true);
      const blocks: Buffer[] = [];
      for await (const block of reader.readBlockPayloads({ pointers, extents })) blocks.push(block);
      expect(blocks.map((block) => block.length)).toEqual(payloads.map((payload) => payload.length));
      for (const [i, block] of blocks.entries()) expect(block.equals(payloads[i]!), `block ${i}`).toBe(true);
      // Two pointers that cover the first two blocks exactly, with their sizes swapped.
      const [first, second] = pointers as [(typeof pointers)[number], (typeof pointers)[number]];
      const swapped = [
        { ...first, dataBytes: second.dataBytes },
        { ...first, offset: Number(first.offset) + 16 + Number(second.dataBytes), dataBytes: first.dataBytes },
      ];
      await expect(async () => {
        for await (const block of reader.readBlockPayloads({ pointers: swapped, extents })) expect(block).toBeUndefined();
      }, 'pointers that name no whole block').rejects.toThrow(/not the one a pointer names/);
    } finally {
      manager.close();
      nodes.close();
    }
  });
});
