// Original file: strata/partition/v1/records.proto

import type { IndexMutation as _strata_partition_v1_IndexMutation, IndexMutation__Output as _strata_partition_v1_IndexMutation__Output } from '../../../strata/partition/v1/IndexMutation.js';
import type { Long } from '@grpc/proto-loader';

export interface LogRecord {
  'sequence'?: (number | string | Long);
  'mutations'?: (_strata_partition_v1_IndexMutation)[];
}

export interface LogRecord__Output {
  'sequence': (number);
  'mutations': (_strata_partition_v1_IndexMutation__Output)[];
}
