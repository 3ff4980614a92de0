// Original file: strata/partition/v1/partition_server.proto

import type { Long } from '@grpc/proto-loader';

export interface PutBlobCommit {
  'sizeBytes'?: (number | string | Long);
  'checksumAlgorithm'?: (string);
  'checksumValue'?: (string);
  'contentMd5'?: (Buffer | Uint8Array | string);
}

export interface PutBlobCommit__Output {
  'sizeBytes': (number);
  'checksumAlgorithm': (string);
  'checksumValue': (string);
  'contentMd5': (Buffer);
}
