// Original file: strata/partition/v1/partition_server.proto

import type { Long } from '@grpc/proto-loader';

export interface ContainerInfo {
  'account'?: (string);
  'container'?: (string);
  'createdMs'?: (number | string | Long);
}

export interface ContainerInfo__Output {
  'account': (string);
  'container': (string);
  'createdMs': (number);
}
