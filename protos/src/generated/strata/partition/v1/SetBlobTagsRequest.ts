// Original file: strata/partition/v1/partition_server.proto

import type { Tag as _strata_partition_v1_Tag, Tag__Output as _strata_partition_v1_Tag__Output } from '../../../strata/partition/v1/Tag.js';

export interface SetBlobTagsRequest {
  'account'?: (string);
  'container'?: (string);
  'blob'?: (string);
  'tags'?: (_strata_partition_v1_Tag)[];
  'versionId'?: (string);
}

export interface SetBlobTagsRequest__Output {
  'account': (string);
  'container': (string);
  'blob': (string);
  'tags': (_strata_partition_v1_Tag__Output)[];
  'versionId': (string);
}
