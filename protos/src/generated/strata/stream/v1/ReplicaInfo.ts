// Original file: strata/stream/v1/extent_node.proto

import type { Long } from '@grpc/proto-loader';

export interface ReplicaInfo {
  'extentId'?: (string);
  'lengthBytes'?: (number | string | Long);
  'sealed'?: (boolean);
  'frozen'?: (boolean);
}

export interface ReplicaInfo__Output {
  'extentId': (string);
  'lengthBytes': (number);
  'sealed': (boolean);
  'frozen': (boolean);
}
