// Original file: strata/partition/v1/records.proto

import type { BlockPointer as _strata_stream_v1_BlockPointer, BlockPointer__Output as _strata_stream_v1_BlockPointer__Output } from '../../../strata/stream/v1/BlockPointer.js';
import type { Long } from '@grpc/proto-loader';

export interface PartRecord {
  'sizeBytes'?: (number | string | Long);
  'etag'?: (string);
  'lastModifiedMs'?: (number | string | Long);
  'blocks'?: (_strata_stream_v1_BlockPointer)[];
  'checksumAlgorithm'?: (string);
  'checksum'?: (string);
}

export interface PartRecord__Output {
  'sizeBytes': (number);
  'etag': (string);
  'lastModifiedMs': (number);
  'blocks': (_strata_stream_v1_BlockPointer__Output)[];
  'checksumAlgorithm': (string);
  'checksum': (string);
}
