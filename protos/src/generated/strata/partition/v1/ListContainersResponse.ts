// Original file: strata/partition/v1/partition_server.proto

import type { ContainerInfo as _strata_partition_v1_ContainerInfo, ContainerInfo__Output as _strata_partition_v1_ContainerInfo__Output } from '../../../strata/partition/v1/ContainerInfo.js';

export interface ListContainersResponse {
  'containers'?: (_strata_partition_v1_ContainerInfo)[];
  'partitionEnd'?: (boolean);
}

export interface ListContainersResponse__Output {
  'containers': (_strata_partition_v1_ContainerInfo__Output)[];
  'partitionEnd': (boolean);
}
