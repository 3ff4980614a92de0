// Original file: strata/stream/v1/extent.proto

import type { Long } from '@grpc/proto-loader';

export interface ExtentHold {
  'holder'?: (string);
  'heldMs'?: (number | string | Long);
}

export interface ExtentHold__Output {
  'holder': (string);
  'heldMs': (number);
}
