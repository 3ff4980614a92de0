// Original file: strata/partition/v1/records.proto

import type { BlobProperties as _strata_partition_v1_BlobProperties, BlobProperties__Output as _strata_partition_v1_BlobProperties__Output } from '../../../strata/partition/v1/BlobProperties.js';
import type { Tag as _strata_partition_v1_Tag, Tag__Output as _strata_partition_v1_Tag__Output } from '../../../strata/partition/v1/Tag.js';
import type { Long } from '@grpc/proto-loader';

export interface UploadRecord {
  'initiatedMs'?: (number | string | Long);
  'properties'?: (_strata_partition_v1_BlobProperties | null);
  'checksumAlgorithm'?: (string);
  'checksumType'?: (string);
  'completedMs'?: (number | string | Long);
  'completedEtag'?: (string);
  'completedChecksum'?: (string);
  'tags'?: (_strata_partition_v1_Tag)[];
  'completedVersionId'?: (string);
}

export interface UploadRecord__Output {
  'initiatedMs': (number);
  'properties': (_strata_partition_v1_BlobProperties__Output | null);
  'checksumAlgorithm': (string);
  'checksumType': (string);
  'completedMs': (number);
  'completedEtag': (string);
  'completedChecksum': (string);
  'tags': (_strata_partition_v1_Tag__Output)[];
  'completedVersionId': (string);
}
