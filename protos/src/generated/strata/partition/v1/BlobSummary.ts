// Original file: strata/partition/v1/partition_server.proto

import type { Long } from '@grpc/proto-loader';

export interface BlobSummary {
  'blob'?: (string);
  'sizeBytes'?: (number | string | Long);
  'etag'?: (string);
  'lastModifiedMs'?: (number | string | Long);
}

export interface BlobSummary__Output {
  'blob': (string);
  'sizeBytes': (number);
  'etag': (string);
  'lastModifiedMs': (number);
}
