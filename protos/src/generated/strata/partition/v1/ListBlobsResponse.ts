// Original file: strata/partition/v1/partition_server.proto

import type { ListEntry as _strata_partition_v1_ListEntry, ListEntry__Output as _strata_partition_v1_ListEntry__Output } from '../../../strata/partition/v1/ListEntry.js';

export interface ListBlobsResponse {
  'entries'?: (_strata_partition_v1_ListEntry)[];
  'partitionEnd'?: (boolean);
}

export interface ListBlobsResponse__Output {
  'entries': (_strata_partition_v1_ListEntry__Output)[];
  'partitionEnd': (boolean);
}
