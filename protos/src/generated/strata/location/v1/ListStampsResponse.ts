// Original file: strata/location/v1/location_service.proto

import type { StampInfo as _strata_location_v1_StampInfo, StampInfo__Output as _strata_location_v1_StampInfo__Output } from '../../../strata/location/v1/StampInfo.js';

export interface ListStampsResponse {
  'stamps'?: (_strata_location_v1_StampInfo)[];
}

export interface ListStampsResponse__Output {
  'stamps': (_strata_location_v1_StampInfo__Output)[];
}
