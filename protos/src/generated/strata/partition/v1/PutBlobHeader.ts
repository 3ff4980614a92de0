// Original file: strata/partition/v1/partition_server.proto

import type { BlobProperties as _strata_partition_v1_BlobProperties, BlobProperties__Output as _strata_partition_v1_BlobProperties__Output } from '../../../strata/partition/v1/BlobProperties.js';

export interface PutBlobHeader {
  'account'?: (string);
  'container'?: (string);
  'blob'?: (string);
  'properties'?: (_strata_partition_v1_BlobProperties | null);
  'ifNoneMatch'?: (string);
  'ifMatch'?: (string);
}

export interface PutBlobHeader__Output {
  'account': (string);
  'container': (string);
  'blob': (string);
  'properties': (_strata_partition_v1_BlobProperties__Output | null);
  'ifNoneMatch': (string);
  'ifMatch': (string);
}
