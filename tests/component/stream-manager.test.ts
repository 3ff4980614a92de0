import { afterEach, describe, expect, it } from 'vitest';
import { waitFor } from '@strata/common/testing';
import { extentNodeClients, StreamManagerClient, StreamWriter } from '@strata/stream-layer';
import { InProcessStamp } from '../helpers/in-process-stamp.js';

describe('StreamManager.sealExtent (in-process stamp)', () => {
  let stamp: InProcessStamp | undefined;
  afterEach(async () => {
    await stamp?.stop();
    stamp = undefined;
  });

  // Found by the simulation (seed 4463): a take-over names the extent it saw last, but the
  // writer it takes over from may have moved on meanwhile; the manager seals the extent that
  // is last, and used to send the seal to its replicas under the *named* extent's id, cutting
  // an unsealed replica of that (already sealed) extent to the new extent's length.
  it('seals the last extent of a taken-over stream, never a replica of the extent the taker named', async () => {
    // Three nodes, so the next extents land on the node that missed a seal; repair slow, so
    // nothing seals its replica behind the test's back.
    stamp = await InProcessStamp.start({ extentNodes: 3, args: { 'stream-manager': ['--repair-interval-ms', '600000'] } });
    const log = stamp.logger('test');
    const manager = new StreamManagerClient({ etcd: stamp.etcdClient(), prefix: stamp.prefix, clock: stamp.clock, log });
    const nodes = extentNodeClients();
    try {
      const stream = await manager.createStream('component/take-over');
      const writer = await StreamWriter.open({ manager, nodes, clock: stamp.clock, log, streamId: stream.streamId });
      for (let i = 0; i < 5; i++) await writer.append([Buffer.from(`block ${i}`)]);
      const named = writer.currentExtent;
      const lengthBytes = writer.appendedBytes;
      // One replica of the extent misses its seal: its node is down while the writer rolls
      // over (with two nodes left there is no room for a next extent yet).
      const absent = named.replicas.at(-1)!.nodeId;
      await stamp.stopRole(absent);
      await expect(writer.rollOver()).rejects.toThrow(/could not be sealed/);
      await stamp.startRole('extent-node', absent);
      const absentAddress = stamp.roles.get(absent)!.address;
      const info = () => nodes.at({ address: absentAddress }).replicaInfo({ extentId: named.extentId, freeze: false }, { timeoutMs: 5_000 });
      expect(await info()).toMatchObject({ lengthBytes, sealed: false });
      // The writer goes on in a next extent, which has a replica on that node too.
      await waitFor('the writer in a next extent', async () => (await writer.append([Buffer.from('next')]).catch(() => undefined)) !== undefined);
      expect(writer.currentExtent.extentId).not.toBe(named.extentId);
      expect(writer.currentExtent.replicas.map((replica) => replica.nodeId)).toContain(absent);

      // A take-over that still names the extent the writer has left.
      const current = await manager.getStream(stream.streamId);
      const after = await manager.sealExtent(stream.streamId, named.extentId, { epoch: Number(current.writerEpoch) + 1, takeOver: true });
      expect(after.extents.at(-2)!.sealed).toBe(true);
      expect(after.extents.at(-1)!.sealed).toBe(false);
      expect(await info(), 'the named extent keeps every acknowledged byte on the replica that missed its seal').toMatchObject({ lengthBytes, sealed: false });
      await writer.close();
    } finally {
      manager.close();
      nodes.close();
    }
  });
});
