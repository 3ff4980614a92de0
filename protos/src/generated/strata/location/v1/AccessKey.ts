// Original file: strata/location/v1/location_service.proto

import type { Long } from '@grpc/proto-loader';

export interface AccessKey {
  'accessKeyId'?: (string);
  'secretAccessKey'?: (string);
  'createdMs'?: (number | string | Long);
}

export interface AccessKey__Output {
  'accessKeyId': (string);
  'secretAccessKey': (string);
  'createdMs': (number);
}
