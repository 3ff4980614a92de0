// Original file: strata/stream/v1/stream_manager.proto

import type { ExtentInfo as _strata_stream_v1_ExtentInfo, ExtentInfo__Output as _strata_stream_v1_ExtentInfo__Output } from '../../../strata/stream/v1/ExtentInfo.js';

export interface ListHeldExtentsResponse {
  'extents'?: (_strata_stream_v1_ExtentInfo)[];
}

export interface ListHeldExtentsResponse__Output {
  'extents': (_strata_stream_v1_ExtentInfo__Output)[];
}
