// Original file: strata/partition/v1/partition_server.proto

import type { UploadRequest as _strata_partition_v1_UploadRequest, UploadRequest__Output as _strata_partition_v1_UploadRequest__Output } from '../../../strata/partition/v1/UploadRequest.js';
import type { CompletedPart as _strata_partition_v1_CompletedPart, CompletedPart__Output as _strata_partition_v1_CompletedPart__Output } from '../../../strata/partition/v1/CompletedPart.js';

export interface CompleteUploadRequest {
  'upload'?: (_strata_partition_v1_UploadRequest | null);
  'parts'?: (_strata_partition_v1_CompletedPart)[];
  'ifNoneMatch'?: (string);
  'ifMatch'?: (string);
  'checksum'?: (string);
  'versioning'?: (string);
}

export interface CompleteUploadRequest__Output {
  'upload': (_strata_partition_v1_UploadRequest__Output | null);
  'parts': (_strata_partition_v1_CompletedPart__Output)[];
  'ifNoneMatch': (string);
  'ifMatch': (string);
  'checksum': (string);
  'versioning': (string);
}
