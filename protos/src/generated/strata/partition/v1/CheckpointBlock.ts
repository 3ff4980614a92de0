// Original file: strata/partition/v1/records.proto

import type { CheckpointEntry as _strata_partition_v1_CheckpointEntry, CheckpointEntry__Output as _strata_partition_v1_CheckpointEntry__Output } from '../../../strata/partition/v1/CheckpointEntry.js';

export interface CheckpointBlock {
  'entries'?: (_strata_partition_v1_CheckpointEntry)[];
}

export interface CheckpointBlock__Output {
  'entries': (_strata_partition_v1_CheckpointEntry__Output)[];
}
