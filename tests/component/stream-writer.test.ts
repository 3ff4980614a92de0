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
});
