// Original file: strata/partition/v1/partition_server.proto

import type { BlobSummary as _strata_partition_v1_BlobSummary, BlobSummary__Output as _strata_partition_v1_BlobSummary__Output } from '../../../strata/partition/v1/BlobSummary.js';

export interface ListEntry {
  'blob'?: (_strata_partition_v1_BlobSummary | null);
  'commonPrefix'?: (string);
  'entry'?: "blob"|"commonPrefix";
}

export interface ListEntry__Output {
  'blob'?: (_strata_partition_v1_BlobSummary__Output | null);
  'commonPrefix'?: (string);
  'entry'?: "blob"|"commonPrefix";
}
