import type { streamV1 } from '@strata/protos';
import type { NodeDirectory, StreamManagerClient } from '@strata/stream-layer';

/**
 * Where the extents of a partition's blob data live: replica sets from the stream manager
 * (cached: an extent's replica set changes only through repair), addresses from the live node
 * directory at the time of the answer.
 */
export class ExtentLocator {
  private readonly replicaSets = new Map<string, string[]>();

  constructor(
    private readonly manager: StreamManagerClient,
    private readonly directory: NodeDirectory,
  ) {}

  /** Remembers the extents of a stream the partition just read. */
  learn(extents: readonly streamV1.ExtentInfo__Output[]): void {
    for (const extent of extents)
      this.replicaSets.set(
        extent.extentId,
        extent.replicas.map((replica) => replica.nodeId),
      );
  }

  async describe(extentIds: Iterable<string>): Promise<streamV1.ExtentInfo[]> {
    const infos: streamV1.ExtentInfo[] = [];
    for (const extentId of new Set(extentIds)) {
      let nodeIds = this.replicaSets.get(extentId);
      if (!nodeIds) {
        const info = await this.manager.getExtent(extentId);
        nodeIds = info.replicas.map((replica) => replica.nodeId);
        this.replicaSets.set(extentId, nodeIds);
      }
      infos.push({
        extentId,
        replicas: nodeIds.map((nodeId) => {
          // Reads go to the data address (block transport); control calls to the other.
          const node = this.directory.nodeOf(nodeId);
          return { nodeId, address: node?.address ?? '', dataAddress: node?.dataAddress ?? '' };
        }),
      });
    }
    return infos;
  }
}
