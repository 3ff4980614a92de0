// Original file: strata/partition/v1/partition_server.proto

import type { ExtentUsage as _strata_partition_v1_ExtentUsage, ExtentUsage__Output as _strata_partition_v1_ExtentUsage__Output } from '../../../strata/partition/v1/ExtentUsage.js';
import type { Long } from '@grpc/proto-loader';

export interface PartitionUsage {
  'partitionId'?: (string);
  'generation'?: (number | string | Long);
  'sequence'?: (number | string | Long);
  'scannedMs'?: (number | string | Long);
  'extents'?: (_strata_partition_v1_ExtentUsage)[];
  'openExtentId'?: (string);
  'openExtentBytes'?: (number | string | Long);
}

export interface PartitionUsage__Output {
  'partitionId': (string);
  'generation': (number);
  'sequence': (number);
  'scannedMs': (number);
  'extents': (_strata_partition_v1_ExtentUsage__Output)[];
  'openExtentId': (string);
  'openExtentBytes': (number);
}
