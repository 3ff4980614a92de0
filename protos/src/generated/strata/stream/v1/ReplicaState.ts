// Original file: strata/stream/v1/extent_node.proto

import type { Long } from '@grpc/proto-loader';

export interface ReplicaState {
  'extentId'?: (string);
  'lengthBytes'?: (number | string | Long);
  'sealed'?: (boolean);
  'frozen'?: (boolean);
  'corrupt'?: (boolean);
  'createdMs'?: (number | string | Long);
  'chain'?: (string)[];
}

export interface ReplicaState__Output {
  'extentId': (string);
  'lengthBytes': (number);
  'sealed': (boolean);
  'frozen': (boolean);
  'corrupt': (boolean);
  'createdMs': (number);
  'chain': (string)[];
}
