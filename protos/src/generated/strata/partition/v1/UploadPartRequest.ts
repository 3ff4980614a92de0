// Original file: strata/partition/v1/partition_server.proto

import type { UploadPartHeader as _strata_partition_v1_UploadPartHeader, UploadPartHeader__Output as _strata_partition_v1_UploadPartHeader__Output } from '../../../strata/partition/v1/UploadPartHeader.js';
import type { BlockRun as _strata_partition_v1_BlockRun, BlockRun__Output as _strata_partition_v1_BlockRun__Output } from '../../../strata/partition/v1/BlockRun.js';
import type { UploadPartCommit as _strata_partition_v1_UploadPartCommit, UploadPartCommit__Output as _strata_partition_v1_UploadPartCommit__Output } from '../../../strata/partition/v1/UploadPartCommit.js';

export interface UploadPartRequest {
  'header'?: (_strata_partition_v1_UploadPartHeader | null);
  'data'?: (Buffer | Uint8Array | string);
  'blocks'?: (_strata_partition_v1_BlockRun | null);
  'commit'?: (_strata_partition_v1_UploadPartCommit | null);
  'part'?: "header"|"data"|"blocks"|"commit";
}

export interface UploadPartRequest__Output {
  'header'?: (_strata_partition_v1_UploadPartHeader__Output | null);
  'data'?: (Buffer);
  'blocks'?: (_strata_partition_v1_BlockRun__Output | null);
  'commit'?: (_strata_partition_v1_UploadPartCommit__Output | null);
  'part'?: "header"|"data"|"blocks"|"commit";
}
