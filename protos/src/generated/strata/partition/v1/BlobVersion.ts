// Original file: strata/partition/v1/partition_server.proto

import type { Long } from '@grpc/proto-loader';

export interface BlobVersion {
  'blob'?: (string);
  'versionId'?: (string);
  'isLatest'?: (boolean);
  'deleteMarker'?: (boolean);
  'sizeBytes'?: (number | string | Long);
  'etag'?: (string);
  'lastModifiedMs'?: (number | string | Long);
}

export interface BlobVersion__Output {
  'blob': (string);
  'versionId': (string);
  'isLatest': (boolean);
  'deleteMarker': (boolean);
  'sizeBytes': (number);
  'etag': (string);
  'lastModifiedMs': (number);
}
