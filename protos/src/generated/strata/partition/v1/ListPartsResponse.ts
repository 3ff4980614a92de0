// Original file: strata/partition/v1/partition_server.proto

import type { UploadInfo as _strata_partition_v1_UploadInfo, UploadInfo__Output as _strata_partition_v1_UploadInfo__Output } from '../../../strata/partition/v1/UploadInfo.js';
import type { PartInfo as _strata_partition_v1_PartInfo, PartInfo__Output as _strata_partition_v1_PartInfo__Output } from '../../../strata/partition/v1/PartInfo.js';

export interface ListPartsResponse {
  'upload'?: (_strata_partition_v1_UploadInfo | null);
  'parts'?: (_strata_partition_v1_PartInfo)[];
  'truncated'?: (boolean);
}

export interface ListPartsResponse__Output {
  'upload': (_strata_partition_v1_UploadInfo__Output | null);
  'parts': (_strata_partition_v1_PartInfo__Output)[];
  'truncated': (boolean);
}
