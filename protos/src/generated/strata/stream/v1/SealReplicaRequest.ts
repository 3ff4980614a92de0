// Original file: strata/stream/v1/extent_node.proto

import type { Long } from '@grpc/proto-loader';

export interface SealReplicaRequest {
  'extentId'?: (string);
  'lengthBytes'?: (number | string | Long);
}

export interface SealReplicaRequest__Output {
  'extentId': (string);
  'lengthBytes': (number);
}
