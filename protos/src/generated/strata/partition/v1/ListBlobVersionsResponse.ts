// Original file: strata/partition/v1/partition_server.proto

import type { VersionEntry as _strata_partition_v1_VersionEntry, VersionEntry__Output as _strata_partition_v1_VersionEntry__Output } from '../../../strata/partition/v1/VersionEntry.js';

export interface ListBlobVersionsResponse {
  'entries'?: (_strata_partition_v1_VersionEntry)[];
  'partitionEnd'?: (boolean);
}

export interface ListBlobVersionsResponse__Output {
  'entries': (_strata_partition_v1_VersionEntry__Output)[];
  'partitionEnd': (boolean);
}
