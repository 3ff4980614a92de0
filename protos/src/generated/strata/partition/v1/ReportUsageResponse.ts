// Original file: strata/partition/v1/partition_server.proto

import type { PartitionUsage as _strata_partition_v1_PartitionUsage, PartitionUsage__Output as _strata_partition_v1_PartitionUsage__Output } from '../../../strata/partition/v1/PartitionUsage.js';

export interface ReportUsageResponse {
  'partitions'?: (_strata_partition_v1_PartitionUsage)[];
}

export interface ReportUsageResponse__Output {
  'partitions': (_strata_partition_v1_PartitionUsage__Output)[];
}
