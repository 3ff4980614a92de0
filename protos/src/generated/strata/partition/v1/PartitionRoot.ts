// Original file: strata/partition/v1/records.proto

import type { BlockPointer as _strata_stream_v1_BlockPointer, BlockPointer__Output as _strata_stream_v1_BlockPointer__Output } from '../../../strata/stream/v1/BlockPointer.js';
import type { Long } from '@grpc/proto-loader';

export interface PartitionRoot {
  'sequence'?: (number | string | Long);
  'checkpoint'?: (_strata_stream_v1_BlockPointer)[];
  'logResumeExtentId'?: (string);
  'lowKey'?: (string);
  'highKey'?: (string);
  'createdMs'?: (number | string | Long);
}

export interface PartitionRoot__Output {
  'sequence': (number);
  'checkpoint': (_strata_stream_v1_BlockPointer__Output)[];
  'logResumeExtentId': (string);
  'lowKey': (string);
  'highKey': (string);
  'createdMs': (number);
}
