import { unaryHandler } from '@strata/common';
import type { partitionV1 } from '@strata/protos';
import { PARTITION_ERROR_STATUS, PartitionError, type PartitionErrorCode } from '../errors.js';
import type { PartitionManager } from './partition-manager.js';

/** The gRPC edge of the partition manager; a standby answers UNAVAILABLE. */
export function partitionManagerHandlers(manager: PartitionManager, isLeader: () => boolean): partitionV1.PartitionManagerHandlers {
  return {
    GetPartitionMap: unaryHandler<partitionV1.GetPartitionMapRequest__Output, partitionV1.PartitionMap, PartitionErrorCode>(
      PARTITION_ERROR_STATUS,
      async () => {
        if (!isLeader()) throw new PartitionError('UNAVAILABLE', 'this partition manager is a standby');
        return { partitions: manager.partitions() };
      },
    ),
  } satisfies partitionV1.PartitionManagerHandlers;
}
