// Original file: strata/partition/v1/partition_server.proto

import type { Long } from '@grpc/proto-loader';

export interface PartitionChange {
  'removed'?: (string)[];
  'added'?: (string)[];
  'durationMs'?: (number | string | Long);
}

export interface PartitionChange__Output {
  'removed': (string)[];
  'added': (string)[];
  'durationMs': (number);
}
