// Original file: strata/partition/v1/partition_server.proto

import type { ContainerProperties as _strata_partition_v1_ContainerProperties, ContainerProperties__Output as _strata_partition_v1_ContainerProperties__Output } from '../../../strata/partition/v1/ContainerProperties.js';
import type { Long } from '@grpc/proto-loader';

export interface ContainerInfo {
  'account'?: (string);
  'container'?: (string);
  'createdMs'?: (number | string | Long);
  'properties'?: (_strata_partition_v1_ContainerProperties | null);
}

export interface ContainerInfo__Output {
  'account': (string);
  'container': (string);
  'createdMs': (number);
  'properties': (_strata_partition_v1_ContainerProperties__Output | null);
}
