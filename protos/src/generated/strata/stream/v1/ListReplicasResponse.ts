// Original file: strata/stream/v1/extent_node.proto

import type { ReplicaState as _strata_stream_v1_ReplicaState, ReplicaState__Output as _strata_stream_v1_ReplicaState__Output } from '../../../strata/stream/v1/ReplicaState.js';
import type { Long } from '@grpc/proto-loader';

export interface ListReplicasResponse {
  'replicas'?: (_strata_stream_v1_ReplicaState)[];
  'freeBytes'?: (number | string | Long);
}

export interface ListReplicasResponse__Output {
  'replicas': (_strata_stream_v1_ReplicaState__Output)[];
  'freeBytes': (number);
}
