// Original file: strata/stream/v1/extent_node.proto

import type { Long } from '@grpc/proto-loader';

export interface ReadBlocksResponse {
  'offset'?: (number | string | Long);
  'data'?: (Buffer | Uint8Array | string);
  'flags'?: (number);
}

export interface ReadBlocksResponse__Output {
  'offset': (number);
  'data': (Buffer);
  'flags': (number);
}
