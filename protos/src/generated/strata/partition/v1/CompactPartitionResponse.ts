// Original file: strata/partition/v1/partition_server.proto

import type { Long } from '@grpc/proto-loader';

export interface CompactPartitionResponse {
  'recordsRewritten'?: (number | string | Long);
  'bytesRewritten'?: (number | string | Long);
  'releasedExtentIds'?: (string)[];
  'keptExtentIds'?: (string)[];
  'durationMs'?: (number | string | Long);
}

export interface CompactPartitionResponse__Output {
  'recordsRewritten': (number);
  'bytesRewritten': (number);
  'releasedExtentIds': (string)[];
  'keptExtentIds': (string)[];
  'durationMs': (number);
}
