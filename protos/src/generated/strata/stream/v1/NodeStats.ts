// Original file: strata/stream/v1/extent_node.proto

import type { Long } from '@grpc/proto-loader';

export interface NodeStats {
  'readCalls'?: (number | string | Long);
  'readBytes'?: (number | string | Long);
}

export interface NodeStats__Output {
  'readCalls': (number);
  'readBytes': (number);
}
