import { errorMessage, rethrowIfAssertion, type Logger } from '@strata/common';
import type { streamV1 } from '@strata/protos';
import type { ExtentNodes, StreamManagerClient } from '@strata/stream-layer';

const REPLICA_INFO_TIMEOUT_MS = 5_000;

/**
 * The raw bytes a stamp's stream layer holds, every replica counted: sealed extents at their
 * sealed length, each unsealed one at the length its first reachable replica reports (an
 * unreachable one counts as empty until the next report).
 */
export async function streamUsageBytes(options: { manager: StreamManagerClient; nodes: ExtentNodes; log: Logger }): Promise<number> {
  let bytes = 0;
  for (const stream of await options.manager.listStreams()) {
    for (const extent of stream.extents) {
      const length = extent.sealed ? extent.sealedLengthBytes : await unsealedLength(extent, options);
      bytes += length * extent.replicas.length;
    }
  }
  return bytes;
}

async function unsealedLength(extent: streamV1.ExtentInfo__Output, options: { nodes: ExtentNodes; log: Logger }): Promise<number> {
  for (const replica of extent.replicas.filter((candidate) => candidate.address)) {
    const context = { timeoutMs: REPLICA_INFO_TIMEOUT_MS };
    try {
      const info = await options.nodes.at(replica).replicaInfo({ extentId: extent.extentId }, context);
      return info.lengthBytes;
    } catch (error) {
      rethrowIfAssertion(error);
      options.log.debug({ extentId: extent.extentId, nodeId: replica.nodeId, err: errorMessage(error) }, 'replica length unknown');
    }
  }
  return 0;
}
