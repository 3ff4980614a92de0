// Original file: strata/partition/v1/partition_manager.proto

import type { Long } from '@grpc/proto-loader';

export interface GcRound {
  'startedMs'?: (number | string | Long);
  'durationMs'?: (number | string | Long);
  'partitions'?: (number | string | Long);
  'extentsPlanned'?: (number | string | Long);
  'extentsReleased'?: (number | string | Long);
  'recordsRewritten'?: (number | string | Long);
  'bytesRewritten'?: (number | string | Long);
  'holdsDropped'?: (number | string | Long);
  'errors'?: (string)[];
}

export interface GcRound__Output {
  'startedMs': (number);
  'durationMs': (number);
  'partitions': (number);
  'extentsPlanned': (number);
  'extentsReleased': (number);
  'recordsRewritten': (number);
  'bytesRewritten': (number);
  'holdsDropped': (number);
  'errors': (string)[];
}
