// Original file: strata/partition/v1/partition_server.proto

import type { Long } from '@grpc/proto-loader';

export interface UploadInfo {
  'account'?: (string);
  'container'?: (string);
  'blob'?: (string);
  'uploadId'?: (string);
  'initiatedMs'?: (number | string | Long);
  'checksumAlgorithm'?: (string);
  'checksumType'?: (string);
}

export interface UploadInfo__Output {
  'account': (string);
  'container': (string);
  'blob': (string);
  'uploadId': (string);
  'initiatedMs': (number);
  'checksumAlgorithm': (string);
  'checksumType': (string);
}
