// Original file: strata/partition/v1/partition_server.proto

import type { BlobProperties as _strata_partition_v1_BlobProperties, BlobProperties__Output as _strata_partition_v1_BlobProperties__Output } from '../../../strata/partition/v1/BlobProperties.js';
import type { Tag as _strata_partition_v1_Tag, Tag__Output as _strata_partition_v1_Tag__Output } from '../../../strata/partition/v1/Tag.js';

export interface PutBlobHeader {
  'account'?: (string);
  'container'?: (string);
  'blob'?: (string);
  'properties'?: (_strata_partition_v1_BlobProperties | null);
  'ifNoneMatch'?: (string);
  'ifMatch'?: (string);
  'tags'?: (_strata_partition_v1_Tag)[];
  'versioning'?: (string);
}

export interface PutBlobHeader__Output {
  'account': (string);
  'container': (string);
  'blob': (string);
  'properties': (_strata_partition_v1_BlobProperties__Output | null);
  'ifNoneMatch': (string);
  'ifMatch': (string);
  'tags': (_strata_partition_v1_Tag__Output)[];
  'versioning': (string);
}
