// Original file: strata/partition/v1/records.proto

import type { CorsRule as _strata_partition_v1_CorsRule, CorsRule__Output as _strata_partition_v1_CorsRule__Output } from '../../../strata/partition/v1/CorsRule.js';
import type { Tag as _strata_partition_v1_Tag, Tag__Output as _strata_partition_v1_Tag__Output } from '../../../strata/partition/v1/Tag.js';

export interface ContainerProperties {
  'corsRules'?: (_strata_partition_v1_CorsRule)[];
  'publicAccess'?: (string);
  'defaultCacheControl'?: (string);
  'tags'?: (_strata_partition_v1_Tag)[];
  'versioning'?: (string);
}

export interface ContainerProperties__Output {
  'corsRules': (_strata_partition_v1_CorsRule__Output)[];
  'publicAccess': (string);
  'defaultCacheControl': (string);
  'tags': (_strata_partition_v1_Tag__Output)[];
  'versioning': (string);
}
