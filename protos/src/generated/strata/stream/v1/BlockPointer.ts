// Original file: strata/stream/v1/extent.proto

import type { Long } from '@grpc/proto-loader';

export interface BlockPointer {
  'extentId'?: (string);
  'offset'?: (number | string | Long);
  'dataBytes'?: (number);
}

export interface BlockPointer__Output {
  'extentId': (string);
  'offset': (number);
  'dataBytes': (number);
}
