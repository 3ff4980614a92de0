import { PrefixCache, type Etcd3, type Logger } from '@strata/common';
import { streamKeys, type NodeRecord } from '../etcd-keys.js';
import type { NodeAddress } from '../transport/extent-node-api.js';

/** Which extent nodes are live and where they are: what the stream manager and chains need of a directory. */
export interface NodeView {
  /** The node's current address, or undefined when it is not registered (down). */
  addressOf(nodeId: string): string | undefined;
  /** The node's current addresses (control and data), or undefined when it is not registered. */
  nodeOf(nodeId: string): NodeAddress | undefined;
  /** Every live node. */
  liveNodes(): NodeRecord[];
}

/**
 * The live extent nodes, from their etcd registrations (kept current by a watch). A node is
 * live while its lease holds; its address may change when it restarts, so callers resolve a
 * node id to an address at the time of use rather than keeping addresses.
 */
export class NodeDirectory implements NodeView {
  private constructor(private readonly cache: PrefixCache<NodeRecord>) {}

  static async open(options: { etcd: Etcd3; prefix: string; log: Logger }): Promise<NodeDirectory> {
    const cache = await PrefixCache.open<NodeRecord>({
      client: options.etcd,
      prefix: streamKeys(options.prefix).nodes,
      decode: (raw) => JSON.parse(raw) as NodeRecord,
      log: options.log,
    });
    return new NodeDirectory(cache);
  }

  /** The node's current address, or undefined when it is not registered (down). */
  addressOf(nodeId: string): string | undefined {
    return this.cache.get(nodeId)?.address;
  }

  nodeOf(nodeId: string): NodeAddress | undefined {
    const record = this.cache.get(nodeId);
    return record ? { address: record.address, ...(record.dataAddress ? { dataAddress: record.dataAddress } : {}) } : undefined;
  }

  /** Every live node. */
  liveNodes(): NodeRecord[] {
    return [...this.cache.snapshot().values()];
  }

  /** Calls `listener` after every change of membership or address. */
  onChange(listener: () => void): void {
    this.cache.on('change', listener);
  }

  close(): Promise<void> {
    return this.cache.close();
  }
}
