import { joinKey } from '@strata/common';

/**
 * Where the stream layer keeps its state in etcd, under the stamp's prefix:
 *
 *   stream/nodes/<nodeId>          extent node registration (JSON NodeRecord, under a lease)
 *   stream/streams/<streamId>      a stream's extent list (JSON StreamRecord)
 *   stream/names/<name>            stream name → id, for uniqueness
 *   stream/extents/<extentId>      an extent's replica set and seal (JSON ExtentRecord)
 *   stream/counters/<kind>         the next id of a kind
 *   stream/manager                 the stream manager election
 */
export function streamKeys(prefix: string) {
  const root = joinKey(prefix, 'stream');
  return {
    nodes: `${root}/nodes/`,
    node: (nodeId: string) => `${root}/nodes/${nodeId}`,
    streams: `${root}/streams/`,
    stream: (streamId: string) => `${root}/streams/${streamId}`,
    name: (name: string) => `${root}/names/${encodeURIComponent(name)}`,
    extents: `${root}/extents/`,
    extent: (extentId: string) => `${root}/extents/${extentId}`,
    counter: (kind: string) => `${root}/counters/${kind}`,
    managerElection: `${root}/manager`,
  };
}

/** An extent node's registration. */
export interface NodeRecord {
  nodeId: string;
  /** The node's control (gRPC) endpoint. */
  address: string;
  /** The node's block transport (appends and reads of blob bytes); absent in records older than it. */
  dataAddress?: string;
  /** The node's failure domain (rack, host or zone label); chains spread across them. */
  faultDomain: string;
  /** Bytes free on the node's data disk, as last measured. */
  freeBytes?: number;
  /** Too little room for new extents: the manager places none here. */
  full?: boolean;
}
