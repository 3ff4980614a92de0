import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { GetPartitionMapRequest as _strata_partition_v1_GetPartitionMapRequest, GetPartitionMapRequest__Output as _strata_partition_v1_GetPartitionMapRequest__Output } from './strata/partition/v1/GetPartitionMapRequest.js';
import type { Partition as _strata_partition_v1_Partition, Partition__Output as _strata_partition_v1_Partition__Output } from './strata/partition/v1/Partition.js';
import type { PartitionManagerClient as _strata_partition_v1_PartitionManagerClient, PartitionManagerDefinition as _strata_partition_v1_PartitionManagerDefinition } from './strata/partition/v1/PartitionManager.js';
import type { PartitionMap as _strata_partition_v1_PartitionMap, PartitionMap__Output as _strata_partition_v1_PartitionMap__Output } from './strata/partition/v1/PartitionMap.js';
import type { PartitionStreams as _strata_partition_v1_PartitionStreams, PartitionStreams__Output as _strata_partition_v1_PartitionStreams__Output } from './strata/partition/v1/PartitionStreams.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strata: {
    partition: {
      v1: {
        GetPartitionMapRequest: MessageTypeDefinition<_strata_partition_v1_GetPartitionMapRequest, _strata_partition_v1_GetPartitionMapRequest__Output>
        Partition: MessageTypeDefinition<_strata_partition_v1_Partition, _strata_partition_v1_Partition__Output>
        PartitionManager: SubtypeConstructor<typeof grpc.Client, _strata_partition_v1_PartitionManagerClient> & { service: _strata_partition_v1_PartitionManagerDefinition }
        PartitionMap: MessageTypeDefinition<_strata_partition_v1_PartitionMap, _strata_partition_v1_PartitionMap__Output>
        PartitionStreams: MessageTypeDefinition<_strata_partition_v1_PartitionStreams, _strata_partition_v1_PartitionStreams__Output>
      }
    }
  }
}

