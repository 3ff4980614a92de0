// Original file: strata/partition/v1/partition_server.proto

import type { UploadInfo as _strata_partition_v1_UploadInfo, UploadInfo__Output as _strata_partition_v1_UploadInfo__Output } from '../../../strata/partition/v1/UploadInfo.js';

export interface UploadEntry {
  'upload'?: (_strata_partition_v1_UploadInfo | null);
  'commonPrefix'?: (string);
  'entry'?: "upload"|"commonPrefix";
}

export interface UploadEntry__Output {
  'upload'?: (_strata_partition_v1_UploadInfo__Output | null);
  'commonPrefix'?: (string);
  'entry'?: "upload"|"commonPrefix";
}
