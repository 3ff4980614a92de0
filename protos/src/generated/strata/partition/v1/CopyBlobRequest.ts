// Original file: strata/partition/v1/partition_server.proto

import type { BlobRecord as _strata_partition_v1_BlobRecord, BlobRecord__Output as _strata_partition_v1_BlobRecord__Output } from '../../../strata/partition/v1/BlobRecord.js';

export interface CopyBlobRequest {
  'account'?: (string);
  'container'?: (string);
  'blob'?: (string);
  'record'?: (_strata_partition_v1_BlobRecord | null);
  'ifNoneMatch'?: (string);
  'ifMatch'?: (string);
  'versioning'?: (string);
}

export interface CopyBlobRequest__Output {
  'account': (string);
  'container': (string);
  'blob': (string);
  'record': (_strata_partition_v1_BlobRecord__Output | null);
  'ifNoneMatch': (string);
  'ifMatch': (string);
  'versioning': (string);
}
