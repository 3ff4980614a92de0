import { connectEtcd, silentLogger, systemClock } from '@strata/common';
import type { streamV1 } from '@strata/protos';
import { extentNodeClients, StreamManagerClient } from '@strata/stream-layer';
import { STAMP_PREFIX } from './container-layout.js';

/** Every stream of the stamp as the stream manager records it (extents, replicas in chain order). */
export async function listStreams(etcdEndpoint: string): Promise<streamV1.StreamInfo__Output[]> {
  const etcd = connectEtcd([etcdEndpoint]);
  const manager = new StreamManagerClient({ etcd, prefix: STAMP_PREFIX, clock: systemClock, log: silentLogger() });
  try {
    return await manager.listStreams();
  } finally {
    manager.close();
    etcd.close();
  }
}

/** The chain (head first) of the extent that appends to the named stream go to now. */
export async function appendChain(etcdEndpoint: string, streamNameSuffix: string): Promise<streamV1.ExtentInfo__Output> {
  const stream = (await listStreams(etcdEndpoint)).find((s) => s.name.endsWith(streamNameSuffix));
  const last = stream?.extents.at(-1);
  if (!last) throw new Error(`no stream named *${streamNameSuffix} with an extent`);
  return last;
}

/** How many bytes each replica on extent node `nodeId` holds, asked from that extent node itself. */
export async function replicaLengths(etcdEndpoint: string, nodeId: string): Promise<Map<string, number>> {
  const nodes = extentNodeClients();
  const lengths = new Map<string, number>();
  try {
    for (const stream of await listStreams(etcdEndpoint)) {
      for (const extent of stream.extents) {
        const replica = extent.replicas.find((r) => r.nodeId === nodeId);
        if (!replica?.address) continue;
        const context = { timeoutMs: 10_000 };
        const info = await nodes.at(replica).replicaInfo({ extentId: extent.extentId }, context);
        lengths.set(extent.extentId, info.lengthBytes);
      }
    }
    return lengths;
  } finally {
    nodes.close();
  }
}
