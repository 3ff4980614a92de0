// Original file: strata/location/v1/location_service.proto

import type { AccountInfo as _strata_location_v1_AccountInfo, AccountInfo__Output as _strata_location_v1_AccountInfo__Output } from '../../../strata/location/v1/AccountInfo.js';

export interface ListAccountsResponse {
  'accounts'?: (_strata_location_v1_AccountInfo)[];
}

export interface ListAccountsResponse__Output {
  'accounts': (_strata_location_v1_AccountInfo__Output)[];
}
