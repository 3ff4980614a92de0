// Original file: strata/partition/v1/partition_server.proto

import type { Long } from '@grpc/proto-loader';

export interface CheckpointPartitionResponse {
  'sequence'?: (number | string | Long);
}

export interface CheckpointPartitionResponse__Output {
  'sequence': (number);
}
