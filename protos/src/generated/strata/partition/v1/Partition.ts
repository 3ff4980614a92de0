// Original file: strata/partition/v1/partition_manager.proto

import type { PartitionStreams as _strata_partition_v1_PartitionStreams, PartitionStreams__Output as _strata_partition_v1_PartitionStreams__Output } from '../../../strata/partition/v1/PartitionStreams.js';
import type { Long } from '@grpc/proto-loader';

export interface Partition {
  'partitionId'?: (string);
  'lowKey'?: (string);
  'highKey'?: (string);
  'streams'?: (_strata_partition_v1_PartitionStreams | null);
  'ownerId'?: (string);
  'generation'?: (number | string | Long);
  'previousOwnerId'?: (string);
}

export interface Partition__Output {
  'partitionId': (string);
  'lowKey': (string);
  'highKey': (string);
  'streams': (_strata_partition_v1_PartitionStreams__Output | null);
  'ownerId': (string);
  'generation': (number);
  'previousOwnerId': (string);
}
