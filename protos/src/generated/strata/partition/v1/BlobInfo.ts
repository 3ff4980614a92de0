// Original file: strata/partition/v1/partition_server.proto

import type { BlobRecord as _strata_partition_v1_BlobRecord, BlobRecord__Output as _strata_partition_v1_BlobRecord__Output } from '../../../strata/partition/v1/BlobRecord.js';
import type { ExtentInfo as _strata_stream_v1_ExtentInfo, ExtentInfo__Output as _strata_stream_v1_ExtentInfo__Output } from '../../../strata/stream/v1/ExtentInfo.js';

export interface BlobInfo {
  'account'?: (string);
  'container'?: (string);
  'blob'?: (string);
  'record'?: (_strata_partition_v1_BlobRecord | null);
  'extents'?: (_strata_stream_v1_ExtentInfo)[];
  'cacheLeaseMs'?: (number);
}

export interface BlobInfo__Output {
  'account': (string);
  'container': (string);
  'blob': (string);
  'record': (_strata_partition_v1_BlobRecord__Output | null);
  'extents': (_strata_stream_v1_ExtentInfo__Output)[];
  'cacheLeaseMs': (number);
}
