// Original file: strata/stream/v1/extent_node.proto

import type { Long } from '@grpc/proto-loader';

export interface ReadBlocksRequest {
  'extentId'?: (string);
  'offset'?: (number | string | Long);
  'lengthBytes'?: (number | string | Long);
}

export interface ReadBlocksRequest__Output {
  'extentId': (string);
  'offset': (number);
  'lengthBytes': (number);
}
