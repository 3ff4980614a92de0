// Original file: strata/partition/v1/partition_manager.proto

import type { GcRound as _strata_partition_v1_GcRound, GcRound__Output as _strata_partition_v1_GcRound__Output } from '../../../strata/partition/v1/GcRound.js';
import type { SpaceUsage as _strata_partition_v1_SpaceUsage, SpaceUsage__Output as _strata_partition_v1_SpaceUsage__Output } from '../../../strata/partition/v1/SpaceUsage.js';
import type { Long } from '@grpc/proto-loader';

export interface GcState {
  'paused'?: (boolean);
  'liveRatioMin'?: (number | string);
  'intervalMs'?: (number | string | Long);
  'running'?: (boolean);
  'lastRound'?: (_strata_partition_v1_GcRound | null);
  'space'?: (_strata_partition_v1_SpaceUsage | null);
}

export interface GcState__Output {
  'paused': (boolean);
  'liveRatioMin': (number);
  'intervalMs': (number);
  'running': (boolean);
  'lastRound': (_strata_partition_v1_GcRound__Output | null);
  'space': (_strata_partition_v1_SpaceUsage__Output | null);
}
