// Original file: strata/partition/v1/partition_server.proto

import type { BlockPointer as _strata_stream_v1_BlockPointer, BlockPointer__Output as _strata_stream_v1_BlockPointer__Output } from '../../../strata/stream/v1/BlockPointer.js';

export interface BlockRun {
  'blocks'?: (_strata_stream_v1_BlockPointer)[];
}

export interface BlockRun__Output {
  'blocks': (_strata_stream_v1_BlockPointer__Output)[];
}
