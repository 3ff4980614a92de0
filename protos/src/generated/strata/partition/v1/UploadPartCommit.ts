// Original file: strata/partition/v1/partition_server.proto

import type { Long } from '@grpc/proto-loader';

export interface UploadPartCommit {
  'sizeBytes'?: (number | string | Long);
  'etag'?: (string);
  'checksumAlgorithm'?: (string);
  'checksum'?: (string);
  'contentMd5'?: (Buffer | Uint8Array | string);
}

export interface UploadPartCommit__Output {
  'sizeBytes': (number);
  'etag': (string);
  'checksumAlgorithm': (string);
  'checksum': (string);
  'contentMd5': (Buffer);
}
