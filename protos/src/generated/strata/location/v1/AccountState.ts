// Original file: strata/location/v1/location_service.proto

export const AccountState = {
  ACCOUNT_STATE_UNSPECIFIED: 'ACCOUNT_STATE_UNSPECIFIED',
  CREATING: 'CREATING',
  ACTIVE: 'ACTIVE',
  DELETING: 'DELETING',
} as const;

export type AccountState =
  | 'ACCOUNT_STATE_UNSPECIFIED'
  | 0
  | 'CREATING'
  | 1
  | 'ACTIVE'
  | 2
  | 'DELETING'
  | 3

export type AccountState__Output = typeof AccountState[keyof typeof AccountState]
