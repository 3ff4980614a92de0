// Original file: strata/partition/v1/records.proto

import type { Long } from '@grpc/proto-loader';

export interface ContainerRecord {
  'createdMs'?: (number | string | Long);
}

export interface ContainerRecord__Output {
  'createdMs': (number);
}
