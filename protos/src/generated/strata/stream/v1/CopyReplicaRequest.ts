// Original file: strata/stream/v1/extent_node.proto

import type { Replica as _strata_stream_v1_Replica, Replica__Output as _strata_stream_v1_Replica__Output } from '../../../strata/stream/v1/Replica.js';
import type { Long } from '@grpc/proto-loader';

export interface CopyReplicaRequest {
  'extentId'?: (string);
  'lengthBytes'?: (number | string | Long);
  'source'?: (_strata_stream_v1_Replica | null);
  'replicas'?: (_strata_stream_v1_Replica)[];
}

export interface CopyReplicaRequest__Output {
  'extentId': (string);
  'lengthBytes': (number);
  'source': (_strata_stream_v1_Replica__Output | null);
  'replicas': (_strata_stream_v1_Replica__Output)[];
}
