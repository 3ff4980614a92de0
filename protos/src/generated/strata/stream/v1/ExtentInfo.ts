// Original file: strata/stream/v1/extent.proto

import type { Replica as _strata_stream_v1_Replica, Replica__Output as _strata_stream_v1_Replica__Output } from '../../../strata/stream/v1/Replica.js';
import type { ExtentHold as _strata_stream_v1_ExtentHold, ExtentHold__Output as _strata_stream_v1_ExtentHold__Output } from '../../../strata/stream/v1/ExtentHold.js';
import type { Long } from '@grpc/proto-loader';

export interface ExtentInfo {
  'extentId'?: (string);
  'replicas'?: (_strata_stream_v1_Replica)[];
  'sealed'?: (boolean);
  'sealedLengthBytes'?: (number | string | Long);
  'lengthBytes'?: (number | string | Long);
  'holds'?: (_strata_stream_v1_ExtentHold)[];
}

export interface ExtentInfo__Output {
  'extentId': (string);
  'replicas': (_strata_stream_v1_Replica__Output)[];
  'sealed': (boolean);
  'sealedLengthBytes': (number);
  'lengthBytes': (number);
  'holds': (_strata_stream_v1_ExtentHold__Output)[];
}
