import { createHash } from 'node:crypto';
import { connectEtcd, silentLogger, systemClock } from '@strata/common';
import type { streamV1 } from '@strata/protos';
import { ExtentReader, extentNodeClients, StreamManagerClient } from '@strata/stream-layer';
import type { Stamp } from '@strata/deploy';

export interface ReplicaDigest {
  extentId: string;
  nodeId: string;
  lengthBytes: number;
  sha256: string;
}

/**
 * Reads every replica of every extent of every stream through its own extent node and hashes
 * it: what "the replicas are identical" is checked against.
 */
export async function digestAllReplicas(
  stamp: Stamp,
  stampPrefix = '/strata/stamps/stamp-1',
): Promise<{ streams: streamV1.StreamInfo__Output[]; digests: ReplicaDigest[] }> {
  const etcdAddress = stamp.processes().find((p) => p.role === 'etcd')!.address;
  const etcd = connectEtcd([etcdAddress]);
  const manager = new StreamManagerClient({ etcd, prefix: stampPrefix, clock: systemClock, log: silentLogger() });
  const nodes = extentNodeClients();
  const reader = new ExtentReader(nodes);
  try {
    const streams = await manager.listStreams();
    const digests: ReplicaDigest[] = [];
    for (const stream of streams) {
      for (const extent of stream.extents) {
        for (const replica of extent.replicas) {
          const context = { timeoutMs: 10_000 };
          const info = await nodes.at(replica).replicaInfo({ extentId: extent.extentId }, context);
          const hash = createHash('sha256');
          const only = { ...extent, replicas: [replica] };
          for await (const block of reader.readRange({ extent: only, offset: 0, lengthBytes: info.lengthBytes }))
            for (const part of block.parts) hash.update(part);
          digests.push({ extentId: extent.extentId, nodeId: replica.nodeId, lengthBytes: info.lengthBytes, sha256: hash.digest('hex') });
        }
      }
    }
    return { streams, digests };
  } finally {
    manager.close();
    nodes.close();
    etcd.close();
  }
}

/** Peak resident memory (VmHWM) of a live process, in MiB. */
export async function peakRssMiB(pid: number): Promise<number> {
  const { readFile } = await import('node:fs/promises');
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const match = /VmHWM:\s+(\d+) kB/.exec(status);
  return match ? Math.round(Number(match[1]) / 1024) : Number.NaN;
}
