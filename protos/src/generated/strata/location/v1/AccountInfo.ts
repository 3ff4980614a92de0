// Original file: strata/location/v1/location_service.proto

import type { AccessKey as _strata_location_v1_AccessKey, AccessKey__Output as _strata_location_v1_AccessKey__Output } from '../../../strata/location/v1/AccessKey.js';
import type { AccountState as _strata_location_v1_AccountState, AccountState__Output as _strata_location_v1_AccountState__Output } from '../../../strata/location/v1/AccountState.js';
import type { Long } from '@grpc/proto-loader';

export interface AccountInfo {
  'name'?: (string);
  'homeStampId'?: (string);
  'keys'?: (_strata_location_v1_AccessKey)[];
  'createdMs'?: (number | string | Long);
  'state'?: (_strata_location_v1_AccountState);
  'requestToken'?: (string);
  'deleteForce'?: (boolean);
  'deletionKey'?: (_strata_location_v1_AccessKey | null);
}

export interface AccountInfo__Output {
  'name': (string);
  'homeStampId': (string);
  'keys': (_strata_location_v1_AccessKey__Output)[];
  'createdMs': (number);
  'state': (_strata_location_v1_AccountState__Output);
  'requestToken': (string);
  'deleteForce': (boolean);
  'deletionKey': (_strata_location_v1_AccessKey__Output | null);
}
