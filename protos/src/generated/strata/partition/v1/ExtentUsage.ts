// Original file: strata/partition/v1/partition_server.proto

import type { Long } from '@grpc/proto-loader';

export interface ExtentUsage {
  'extentId'?: (string);
  'liveBytes'?: (number | string | Long);
  'own'?: (boolean);
  'sealed'?: (boolean);
}

export interface ExtentUsage__Output {
  'extentId': (string);
  'liveBytes': (number);
  'own': (boolean);
  'sealed': (boolean);
}
