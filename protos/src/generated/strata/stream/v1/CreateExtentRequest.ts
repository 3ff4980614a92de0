// Original file: strata/stream/v1/extent_node.proto

import type { Replica as _strata_stream_v1_Replica, Replica__Output as _strata_stream_v1_Replica__Output } from '../../../strata/stream/v1/Replica.js';

export interface CreateExtentRequest {
  'extentId'?: (string);
  'replicas'?: (_strata_stream_v1_Replica)[];
}

export interface CreateExtentRequest__Output {
  'extentId': (string);
  'replicas': (_strata_stream_v1_Replica__Output)[];
}
