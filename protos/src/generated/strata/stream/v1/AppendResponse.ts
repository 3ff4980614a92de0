// Original file: strata/stream/v1/extent_node.proto

import type { Long } from '@grpc/proto-loader';

export interface AppendResponse {
  'offset'?: (number | string | Long);
  'end'?: (number | string | Long);
}

export interface AppendResponse__Output {
  'offset': (number);
  'end': (number);
}
