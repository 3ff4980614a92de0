// Original file: strata/location/v1/location_service.proto

import type { Long } from '@grpc/proto-loader';

export interface StampInfo {
  'stampId'?: (string);
  'frontEndEndpoints'?: (string)[];
  'capacityBytes'?: (number | string | Long);
  'usedBytes'?: (number | string | Long);
  'reportedMs'?: (number | string | Long);
}

export interface StampInfo__Output {
  'stampId': (string);
  'frontEndEndpoints': (string)[];
  'capacityBytes': (number);
  'usedBytes': (number);
  'reportedMs': (number);
}
