// Original file: strata/partition/v1/partition_manager.proto

import type { Partition as _strata_partition_v1_Partition, Partition__Output as _strata_partition_v1_Partition__Output } from '../../../strata/partition/v1/Partition.js';
import type { PartitionStat as _strata_partition_v1_PartitionStat, PartitionStat__Output as _strata_partition_v1_PartitionStat__Output } from '../../../strata/partition/v1/PartitionStat.js';

export interface PartitionMap {
  'partitions'?: (_strata_partition_v1_Partition)[];
  'stats'?: (_strata_partition_v1_PartitionStat)[];
}

export interface PartitionMap__Output {
  'partitions': (_strata_partition_v1_Partition__Output)[];
  'stats': (_strata_partition_v1_PartitionStat__Output)[];
}
