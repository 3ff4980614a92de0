// Original file: strata/stream/v1/stream_manager.proto

import type { Long } from '@grpc/proto-loader';

export interface SealExtentRequest {
  'streamId'?: (string);
  'extentId'?: (string);
  'writerEpoch'?: (number | string | Long);
  'takeOver'?: (boolean);
}

export interface SealExtentRequest__Output {
  'streamId': (string);
  'extentId': (string);
  'writerEpoch': (number);
  'takeOver': (boolean);
}
