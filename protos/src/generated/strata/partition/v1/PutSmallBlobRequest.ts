// Original file: strata/partition/v1/partition_server.proto

import type { PutBlobHeader as _strata_partition_v1_PutBlobHeader, PutBlobHeader__Output as _strata_partition_v1_PutBlobHeader__Output } from '../../../strata/partition/v1/PutBlobHeader.js';
import type { PutBlobCommit as _strata_partition_v1_PutBlobCommit, PutBlobCommit__Output as _strata_partition_v1_PutBlobCommit__Output } from '../../../strata/partition/v1/PutBlobCommit.js';

export interface PutSmallBlobRequest {
  'header'?: (_strata_partition_v1_PutBlobHeader | null);
  'data'?: (Buffer | Uint8Array | string);
  'commit'?: (_strata_partition_v1_PutBlobCommit | null);
}

export interface PutSmallBlobRequest__Output {
  'header': (_strata_partition_v1_PutBlobHeader__Output | null);
  'data': (Buffer);
  'commit': (_strata_partition_v1_PutBlobCommit__Output | null);
}
