// Original file: strata/partition/v1/partition_server.proto

import type { BlobProperties as _strata_partition_v1_BlobProperties, BlobProperties__Output as _strata_partition_v1_BlobProperties__Output } from '../../../strata/partition/v1/BlobProperties.js';
import type { Tag as _strata_partition_v1_Tag, Tag__Output as _strata_partition_v1_Tag__Output } from '../../../strata/partition/v1/Tag.js';

export interface CreateUploadRequest {
  'account'?: (string);
  'container'?: (string);
  'blob'?: (string);
  'properties'?: (_strata_partition_v1_BlobProperties | null);
  'checksumAlgorithm'?: (string);
  'checksumType'?: (string);
  'tags'?: (_strata_partition_v1_Tag)[];
}

export interface CreateUploadRequest__Output {
  'account': (string);
  'container': (string);
  'blob': (string);
  'properties': (_strata_partition_v1_BlobProperties__Output | null);
  'checksumAlgorithm': (string);
  'checksumType': (string);
  'tags': (_strata_partition_v1_Tag__Output)[];
}
