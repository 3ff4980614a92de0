// Original file: strata/partition/v1/partition_server.proto

import type { PartitionStat as _strata_partition_v1_PartitionStat, PartitionStat__Output as _strata_partition_v1_PartitionStat__Output } from '../../../strata/partition/v1/PartitionStat.js';

export interface PartitionStatsResponse {
  'partitions'?: (_strata_partition_v1_PartitionStat)[];
}

export interface PartitionStatsResponse__Output {
  'partitions': (_strata_partition_v1_PartitionStat__Output)[];
}
