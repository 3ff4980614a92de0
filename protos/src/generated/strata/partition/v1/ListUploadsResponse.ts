// Original file: strata/partition/v1/partition_server.proto

import type { UploadEntry as _strata_partition_v1_UploadEntry, UploadEntry__Output as _strata_partition_v1_UploadEntry__Output } from '../../../strata/partition/v1/UploadEntry.js';

export interface ListUploadsResponse {
  'entries'?: (_strata_partition_v1_UploadEntry)[];
  'partitionEnd'?: (boolean);
}

export interface ListUploadsResponse__Output {
  'entries': (_strata_partition_v1_UploadEntry__Output)[];
  'partitionEnd': (boolean);
}
