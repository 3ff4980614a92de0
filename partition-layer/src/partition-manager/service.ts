import { unaryHandler } from '@strata/common';
import type { partitionV1 } from '@strata/protos';
import { PARTITION_ERROR_STATUS, PartitionError, type PartitionErrorCode } from '../errors.js';
import type { GcCoordinator } from './gc-coordinator.js';
import type { PartitionManager } from './partition-manager.js';
import type { PartitionOperator } from './partition-operator.js';

/** The gRPC edge of the partition manager; a standby answers NOT_LEADER, having done nothing. */
export function partitionManagerHandlers(
  manager: PartitionManager,
  operator: PartitionOperator,
  gc: GcCoordinator,
  isLeader: () => boolean,
): partitionV1.PartitionManagerHandlers {
  const leaderOnly = <Request, Response>(handle: (request: Request) => Promise<Response>) =>
    unaryHandler<Request, Response, PartitionErrorCode>(PARTITION_ERROR_STATUS, async (request) => {
      if (!isLeader() || !manager.leading) throw new PartitionError('NOT_LEADER', 'this partition manager is a standby');
      return handle(request);
    });
  return {
    GetPartitionMap: leaderOnly<partitionV1.GetPartitionMapRequest__Output, partitionV1.PartitionMap>(async () => ({
      partitions: manager.partitions(),
      stats: await operator.stats(),
    })),
    SplitPartition: leaderOnly<partitionV1.SplitPartitionRequest__Output, partitionV1.PartitionChange>((request) =>
      operator.split(request.partitionId, request.splitKey),
    ),
    MergePartitions: leaderOnly<partitionV1.MergePartitionsRequest__Output, partitionV1.PartitionChange>((request) =>
      operator.merge(request.leftPartitionId, request.rightPartitionId),
    ),
    MovePartition: leaderOnly<partitionV1.MovePartitionRequest__Output, partitionV1.PartitionChange>((request) =>
      operator.move(request.partitionId, request.serverId),
    ),
    GcStatus: leaderOnly<partitionV1.GcStatusRequest__Output, partitionV1.GcState>(() => gc.status()),
    GcRun: leaderOnly<partitionV1.GcRunRequest__Output, partitionV1.GcRound>(() => gc.run()),
    GcPause: leaderOnly<partitionV1.GcPauseRequest__Output, partitionV1.GcState>((request) => gc.pause(request.paused)),
  } satisfies partitionV1.PartitionManagerHandlers;
}
