// Original file: strata/stream/v1/stream_manager.proto

import type { ExtentInfo as _strata_stream_v1_ExtentInfo, ExtentInfo__Output as _strata_stream_v1_ExtentInfo__Output } from '../../../strata/stream/v1/ExtentInfo.js';
import type { Long } from '@grpc/proto-loader';

export interface StreamInfo {
  'streamId'?: (string);
  'name'?: (string);
  'extents'?: (_strata_stream_v1_ExtentInfo)[];
  'writerEpoch'?: (number | string | Long);
}

export interface StreamInfo__Output {
  'streamId': (string);
  'name': (string);
  'extents': (_strata_stream_v1_ExtentInfo__Output)[];
  'writerEpoch': (number);
}
