// Original file: strata/partition/v1/partition_server.proto

import type { Long } from '@grpc/proto-loader';

export interface PartInfo {
  'partNumber'?: (number);
  'sizeBytes'?: (number | string | Long);
  'etag'?: (string);
  'lastModifiedMs'?: (number | string | Long);
  'checksumAlgorithm'?: (string);
  'checksum'?: (string);
}

export interface PartInfo__Output {
  'partNumber': (number);
  'sizeBytes': (number);
  'etag': (string);
  'lastModifiedMs': (number);
  'checksumAlgorithm': (string);
  'checksum': (string);
}
