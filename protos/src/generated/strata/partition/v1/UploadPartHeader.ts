// Original file: strata/partition/v1/partition_server.proto

import type { UploadRequest as _strata_partition_v1_UploadRequest, UploadRequest__Output as _strata_partition_v1_UploadRequest__Output } from '../../../strata/partition/v1/UploadRequest.js';

export interface UploadPartHeader {
  'upload'?: (_strata_partition_v1_UploadRequest | null);
  'partNumber'?: (number);
}

export interface UploadPartHeader__Output {
  'upload': (_strata_partition_v1_UploadRequest__Output | null);
  'partNumber': (number);
}
