// Original file: strata/partition/v1/partition_manager.proto

import type { Long } from '@grpc/proto-loader';

export interface SpaceUsage {
  'liveBytes'?: (number | string | Long);
  'storedBytes'?: (number | string | Long);
  'rawStoredBytes'?: (number | string | Long);
  'garbageRatio'?: (number | string);
  'extents'?: (number | string | Long);
  'extentsBelowThreshold'?: (number | string | Long);
  'extentsUnknown'?: (number | string | Long);
}

export interface SpaceUsage__Output {
  'liveBytes': (number);
  'storedBytes': (number);
  'rawStoredBytes': (number);
  'garbageRatio': (number);
  'extents': (number);
  'extentsBelowThreshold': (number);
  'extentsUnknown': (number);
}
