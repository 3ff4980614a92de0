// Original file: strata/partition/v1/partition_server.proto

import type { Long } from '@grpc/proto-loader';

export interface PartitionStat {
  'partitionId'?: (string);
  'entries'?: (number | string | Long);
  'operationsPerSecond'?: (number | string);
}

export interface PartitionStat__Output {
  'partitionId': (string);
  'entries': (number);
  'operationsPerSecond': (number);
}
