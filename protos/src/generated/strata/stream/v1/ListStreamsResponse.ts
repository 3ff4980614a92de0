// Original file: strata/stream/v1/stream_manager.proto

import type { StreamInfo as _strata_stream_v1_StreamInfo, StreamInfo__Output as _strata_stream_v1_StreamInfo__Output } from '../../../strata/stream/v1/StreamInfo.js';

export interface ListStreamsResponse {
  'streams'?: (_strata_stream_v1_StreamInfo)[];
}

export interface ListStreamsResponse__Output {
  'streams': (_strata_stream_v1_StreamInfo__Output)[];
}
