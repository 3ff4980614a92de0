// Original file: strata/partition/v1/records.proto

import type { Long } from '@grpc/proto-loader';

export interface MultipartSummary {
  'partCount'?: (number);
  'partSizes'?: (number | string | Long)[];
  'checksumAlgorithm'?: (string);
  'checksumType'?: (string);
  'checksum'?: (string);
}

export interface MultipartSummary__Output {
  'partCount': (number);
  'partSizes': (number)[];
  'checksumAlgorithm': (string);
  'checksumType': (string);
  'checksum': (string);
}
