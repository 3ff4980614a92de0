// Original file: strata/partition/v1/partition_server.proto

import type { Long } from '@grpc/proto-loader';

export interface CompleteUploadResponse {
  'etag'?: (string);
  'sizeBytes'?: (number | string | Long);
  'checksumAlgorithm'?: (string);
  'checksumType'?: (string);
  'checksum'?: (string);
  'versionId'?: (string);
}

export interface CompleteUploadResponse__Output {
  'etag': (string);
  'sizeBytes': (number);
  'checksumAlgorithm': (string);
  'checksumType': (string);
  'checksum': (string);
  'versionId': (string);
}
