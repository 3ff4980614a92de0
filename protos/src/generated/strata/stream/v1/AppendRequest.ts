// Original file: strata/stream/v1/extent_node.proto

import type { Block as _strata_stream_v1_Block, Block__Output as _strata_stream_v1_Block__Output } from '../../../strata/stream/v1/Block.js';
import type { Long } from '@grpc/proto-loader';

export interface AppendRequest {
  'extentId'?: (string);
  'offset'?: (number | string | Long);
  'blocks'?: (_strata_stream_v1_Block)[];
}

export interface AppendRequest__Output {
  'extentId': (string);
  'offset': (number);
  'blocks': (_strata_stream_v1_Block__Output)[];
}
