// Original file: strata/partition/v1/partition_server.proto

import type { PutBlobHeader as _strata_partition_v1_PutBlobHeader, PutBlobHeader__Output as _strata_partition_v1_PutBlobHeader__Output } from '../../../strata/partition/v1/PutBlobHeader.js';
import type { PutBlobCommit as _strata_partition_v1_PutBlobCommit, PutBlobCommit__Output as _strata_partition_v1_PutBlobCommit__Output } from '../../../strata/partition/v1/PutBlobCommit.js';
import type { BlockRun as _strata_partition_v1_BlockRun, BlockRun__Output as _strata_partition_v1_BlockRun__Output } from '../../../strata/partition/v1/BlockRun.js';

export interface PutBlobRequest {
  'header'?: (_strata_partition_v1_PutBlobHeader | null);
  'data'?: (Buffer | Uint8Array | string);
  'commit'?: (_strata_partition_v1_PutBlobCommit | null);
  'blocks'?: (_strata_partition_v1_BlockRun | null);
  'part'?: "header"|"data"|"commit"|"blocks";
}

export interface PutBlobRequest__Output {
  'header'?: (_strata_partition_v1_PutBlobHeader__Output | null);
  'data'?: (Buffer);
  'commit'?: (_strata_partition_v1_PutBlobCommit__Output | null);
  'blocks'?: (_strata_partition_v1_BlockRun__Output | null);
  'part'?: "header"|"data"|"commit"|"blocks";
}
