// Original file: strata/partition/v1/partition_server.proto

import type { UploadRequest as _strata_partition_v1_UploadRequest, UploadRequest__Output as _strata_partition_v1_UploadRequest__Output } from '../../../strata/partition/v1/UploadRequest.js';

export interface ListPartsRequest {
  'upload'?: (_strata_partition_v1_UploadRequest | null);
  'partNumberMarker'?: (number);
  'maxParts'?: (number);
}

export interface ListPartsRequest__Output {
  'upload': (_strata_partition_v1_UploadRequest__Output | null);
  'partNumberMarker': (number);
  'maxParts': (number);
}
