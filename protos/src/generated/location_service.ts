import type * as grpc from '@grpc/grpc-js';
import type { EnumTypeDefinition, MessageTypeDefinition } from '@grpc/proto-loader';

import type { AccessKey as _strata_location_v1_AccessKey, AccessKey__Output as _strata_location_v1_AccessKey__Output } from './strata/location/v1/AccessKey.js';
import type { AccountInfo as _strata_location_v1_AccountInfo, AccountInfo__Output as _strata_location_v1_AccountInfo__Output } from './strata/location/v1/AccountInfo.js';
import type { CreateAccountRequest as _strata_location_v1_CreateAccountRequest, CreateAccountRequest__Output as _strata_location_v1_CreateAccountRequest__Output } from './strata/location/v1/CreateAccountRequest.js';
import type { GetAccountRequest as _strata_location_v1_GetAccountRequest, GetAccountRequest__Output as _strata_location_v1_GetAccountRequest__Output } from './strata/location/v1/GetAccountRequest.js';
import type { ListAccountsRequest as _strata_location_v1_ListAccountsRequest, ListAccountsRequest__Output as _strata_location_v1_ListAccountsRequest__Output } from './strata/location/v1/ListAccountsRequest.js';
import type { ListAccountsResponse as _strata_location_v1_ListAccountsResponse, ListAccountsResponse__Output as _strata_location_v1_ListAccountsResponse__Output } from './strata/location/v1/ListAccountsResponse.js';
import type { ListStampsRequest as _strata_location_v1_ListStampsRequest, ListStampsRequest__Output as _strata_location_v1_ListStampsRequest__Output } from './strata/location/v1/ListStampsRequest.js';
import type { ListStampsResponse as _strata_location_v1_ListStampsResponse, ListStampsResponse__Output as _strata_location_v1_ListStampsResponse__Output } from './strata/location/v1/ListStampsResponse.js';
import type { LocationServiceClient as _strata_location_v1_LocationServiceClient, LocationServiceDefinition as _strata_location_v1_LocationServiceDefinition } from './strata/location/v1/LocationService.js';
import type { RegisterStampRequest as _strata_location_v1_RegisterStampRequest, RegisterStampRequest__Output as _strata_location_v1_RegisterStampRequest__Output } from './strata/location/v1/RegisterStampRequest.js';
import type { StampInfo as _strata_location_v1_StampInfo, StampInfo__Output as _strata_location_v1_StampInfo__Output } from './strata/location/v1/StampInfo.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strata: {
    location: {
      v1: {
        AccessKey: MessageTypeDefinition<_strata_location_v1_AccessKey, _strata_location_v1_AccessKey__Output>
        AccountInfo: MessageTypeDefinition<_strata_location_v1_AccountInfo, _strata_location_v1_AccountInfo__Output>
        AccountState: EnumTypeDefinition
        CreateAccountRequest: MessageTypeDefinition<_strata_location_v1_CreateAccountRequest, _strata_location_v1_CreateAccountRequest__Output>
        GetAccountRequest: MessageTypeDefinition<_strata_location_v1_GetAccountRequest, _strata_location_v1_GetAccountRequest__Output>
        ListAccountsRequest: MessageTypeDefinition<_strata_location_v1_ListAccountsRequest, _strata_location_v1_ListAccountsRequest__Output>
        ListAccountsResponse: MessageTypeDefinition<_strata_location_v1_ListAccountsResponse, _strata_location_v1_ListAccountsResponse__Output>
        ListStampsRequest: MessageTypeDefinition<_strata_location_v1_ListStampsRequest, _strata_location_v1_ListStampsRequest__Output>
        ListStampsResponse: MessageTypeDefinition<_strata_location_v1_ListStampsResponse, _strata_location_v1_ListStampsResponse__Output>
        LocationService: SubtypeConstructor<typeof grpc.Client, _strata_location_v1_LocationServiceClient> & { service: _strata_location_v1_LocationServiceDefinition }
        RegisterStampRequest: MessageTypeDefinition<_strata_location_v1_RegisterStampRequest, _strata_location_v1_RegisterStampRequest__Output>
        StampInfo: MessageTypeDefinition<_strata_location_v1_StampInfo, _strata_location_v1_StampInfo__Output>
      }
    }
  }
}

