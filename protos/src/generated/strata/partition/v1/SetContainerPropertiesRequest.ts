// Original file: strata/partition/v1/partition_server.proto

import type { ContainerProperties as _strata_partition_v1_ContainerProperties, ContainerProperties__Output as _strata_partition_v1_ContainerProperties__Output } from '../../../strata/partition/v1/ContainerProperties.js';

export interface SetContainerPropertiesRequest {
  'account'?: (string);
  'container'?: (string);
  'properties'?: (_strata_partition_v1_ContainerProperties | null);
  'fields'?: (string)[];
}

export interface SetContainerPropertiesRequest__Output {
  'account': (string);
  'container': (string);
  'properties': (_strata_partition_v1_ContainerProperties__Output | null);
  'fields': (string)[];
}
