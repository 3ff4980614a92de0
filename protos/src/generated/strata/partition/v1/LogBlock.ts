// Original file: strata/partition/v1/records.proto

import type { LogRecord as _strata_partition_v1_LogRecord, LogRecord__Output as _strata_partition_v1_LogRecord__Output } from '../../../strata/partition/v1/LogRecord.js';

export interface LogBlock {
  'records'?: (_strata_partition_v1_LogRecord)[];
}

export interface LogBlock__Output {
  'records': (_strata_partition_v1_LogRecord__Output)[];
}
