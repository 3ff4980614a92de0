// Original file: strata/location/v1/location_service.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { AccountInfo as _strata_location_v1_AccountInfo, AccountInfo__Output as _strata_location_v1_AccountInfo__Output } from '../../../strata/location/v1/AccountInfo.js';
import type { CreateAccountRequest as _strata_location_v1_CreateAccountRequest, CreateAccountRequest__Output as _strata_location_v1_CreateAccountRequest__Output } from '../../../strata/location/v1/CreateAccountRequest.js';
import type { GetAccountRequest as _strata_location_v1_GetAccountRequest, GetAccountRequest__Output as _strata_location_v1_GetAccountRequest__Output } from '../../../strata/location/v1/GetAccountRequest.js';
import type { ListAccountsRequest as _strata_location_v1_ListAccountsRequest, ListAccountsRequest__Output as _strata_location_v1_ListAccountsRequest__Output } from '../../../strata/location/v1/ListAccountsRequest.js';
import type { ListAccountsResponse as _strata_location_v1_ListAccountsResponse, ListAccountsResponse__Output as _strata_location_v1_ListAccountsResponse__Output } from '../../../strata/location/v1/ListAccountsResponse.js';
import type { ListStampsRequest as _strata_location_v1_ListStampsRequest, ListStampsRequest__Output as _strata_location_v1_ListStampsRequest__Output } from '../../../strata/location/v1/ListStampsRequest.js';
import type { ListStampsResponse as _strata_location_v1_ListStampsResponse, ListStampsResponse__Output as _strata_location_v1_ListStampsResponse__Output } from '../../../strata/location/v1/ListStampsResponse.js';
import type { RegisterStampRequest as _strata_location_v1_RegisterStampRequest, RegisterStampRequest__Output as _strata_location_v1_RegisterStampRequest__Output } from '../../../strata/location/v1/RegisterStampRequest.js';
import type { StampInfo as _strata_location_v1_StampInfo, StampInfo__Output as _strata_location_v1_StampInfo__Output } from '../../../strata/location/v1/StampInfo.js';

export interface LocationServiceClient extends grpc.Client {
  CreateAccount(argument: _strata_location_v1_CreateAccountRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_location_v1_AccountInfo__Output>): grpc.ClientUnaryCall;
  CreateAccount(argument: _strata_location_v1_CreateAccountRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_location_v1_AccountInfo__Output>): grpc.ClientUnaryCall;
  CreateAccount(argument: _strata_location_v1_CreateAccountRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_location_v1_AccountInfo__Output>): grpc.ClientUnaryCall;
  CreateAccount(argument: _strata_location_v1_CreateAccountRequest, callback: grpc.requestCallback<_strata_location_v1_AccountInfo__Output>): grpc.ClientUnaryCall;
  createAccount(argument: _strata_location_v1_CreateAccountRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_location_v1_AccountInfo__Output>): grpc.ClientUnaryCall;
  createAccount(argument: _strata_location_v1_CreateAccountRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_location_v1_AccountInfo__Output>): grpc.ClientUnaryCall;
  createAccount(argument: _strata_location_v1_CreateAccountRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_location_v1_AccountInfo__Output>): grpc.ClientUnaryCall;
  createAccount(argument: _strata_location_v1_CreateAccountRequest, callback: grpc.requestCallback<_strata_location_v1_AccountInfo__Output>): grpc.ClientUnaryCall;
  
  GetAccount(argument: _strata_location_v1_GetAccountRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_location_v1_AccountInfo__Output>): grpc.ClientUnaryCall;
  GetAccount(argument: _strata_location_v1_GetAccountRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_location_v1_AccountInfo__Output>): grpc.ClientUnaryCall;
  GetAccount(argument: _strata_location_v1_GetAccountRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_location_v1_AccountInfo__Output>): grpc.ClientUnaryCall;
  GetAccount(argument: _strata_location_v1_GetAccountRequest, callback: grpc.requestCallback<_strata_location_v1_AccountInfo__Output>): grpc.ClientUnaryCall;
  getAccount(argument: _strata_location_v1_GetAccountRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_location_v1_AccountInfo__Output>): grpc.ClientUnaryCall;
  getAccount(argument: _strata_location_v1_GetAccountRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_location_v1_AccountInfo__Output>): grpc.ClientUnaryCall;
  getAccount(argument: _strata_location_v1_GetAccountRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_location_v1_AccountInfo__Output>): grpc.ClientUnaryCall;
  getAccount(argument: _strata_location_v1_GetAccountRequest, callback: grpc.requestCallback<_strata_location_v1_AccountInfo__Output>): grpc.ClientUnaryCall;
  
  ListAccounts(argument: _strata_location_v1_ListAccountsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_location_v1_ListAccountsResponse__Output>): grpc.ClientUnaryCall;
  ListAccounts(argument: _strata_location_v1_ListAccountsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_location_v1_ListAccountsResponse__Output>): grpc.ClientUnaryCall;
  ListAccounts(argument: _strata_location_v1_ListAccountsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_location_v1_ListAccountsResponse__Output>): grpc.ClientUnaryCall;
  ListAccounts(argument: _strata_location_v1_ListAccountsRequest, callback: grpc.requestCallback<_strata_location_v1_ListAccountsResponse__Output>): grpc.ClientUnaryCall;
  listAccounts(argument: _strata_location_v1_ListAccountsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_location_v1_ListAccountsResponse__Output>): grpc.ClientUnaryCall;
  listAccounts(argument: _strata_location_v1_ListAccountsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_location_v1_ListAccountsResponse__Output>): grpc.ClientUnaryCall;
  listAccounts(argument: _strata_location_v1_ListAccountsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_location_v1_ListAccountsResponse__Output>): grpc.ClientUnaryCall;
  listAccounts(argument: _strata_location_v1_ListAccountsRequest, callback: grpc.requestCallback<_strata_location_v1_ListAccountsResponse__Output>): grpc.ClientUnaryCall;
  
  ListStamps(argument: _strata_location_v1_ListStampsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_location_v1_ListStampsResponse__Output>): grpc.ClientUnaryCall;
  ListStamps(argument: _strata_location_v1_ListStampsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_location_v1_ListStampsResponse__Output>): grpc.ClientUnaryCall;
  ListStamps(argument: _strata_location_v1_ListStampsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_location_v1_ListStampsResponse__Output>): grpc.ClientUnaryCall;
  ListStamps(argument: _strata_location_v1_ListStampsRequest, callback: grpc.requestCallback<_strata_location_v1_ListStampsResponse__Output>): grpc.ClientUnaryCall;
  listStamps(argument: _strata_location_v1_ListStampsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_location_v1_ListStampsResponse__Output>): grpc.ClientUnaryCall;
  listStamps(argument: _strata_location_v1_ListStampsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_location_v1_ListStampsResponse__Output>): grpc.ClientUnaryCall;
  listStamps(argument: _strata_location_v1_ListStampsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_location_v1_ListStampsResponse__Output>): grpc.ClientUnaryCall;
  listStamps(argument: _strata_location_v1_ListStampsRequest, callback: grpc.requestCallback<_strata_location_v1_ListStampsResponse__Output>): grpc.ClientUnaryCall;
  
  RegisterStamp(argument: _strata_location_v1_RegisterStampRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_location_v1_StampInfo__Output>): grpc.ClientUnaryCall;
  RegisterStamp(argument: _strata_location_v1_RegisterStampRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_location_v1_StampInfo__Output>): grpc.ClientUnaryCall;
  RegisterStamp(argument: _strata_location_v1_RegisterStampRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_location_v1_StampInfo__Output>): grpc.ClientUnaryCall;
  RegisterStamp(argument: _strata_location_v1_RegisterStampRequest, callback: grpc.requestCallback<_strata_location_v1_StampInfo__Output>): grpc.ClientUnaryCall;
  registerStamp(argument: _strata_location_v1_RegisterStampRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_location_v1_StampInfo__Output>): grpc.ClientUnaryCall;
  registerStamp(argument: _strata_location_v1_RegisterStampRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_location_v1_StampInfo__Output>): grpc.ClientUnaryCall;
  registerStamp(argument: _strata_location_v1_RegisterStampRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_location_v1_StampInfo__Output>): grpc.ClientUnaryCall;
  registerStamp(argument: _strata_location_v1_RegisterStampRequest, callback: grpc.requestCallback<_strata_location_v1_StampInfo__Output>): grpc.ClientUnaryCall;
  
}

export interface LocationServiceHandlers extends grpc.UntypedServiceImplementation {
  CreateAccount: grpc.handleUnaryCall<_strata_location_v1_CreateAccountRequest__Output, _strata_location_v1_AccountInfo>;
  
  GetAccount: grpc.handleUnaryCall<_strata_location_v1_GetAccountRequest__Output, _strata_location_v1_AccountInfo>;
  
  ListAccounts: grpc.handleUnaryCall<_strata_location_v1_ListAccountsRequest__Output, _strata_location_v1_ListAccountsResponse>;
  
  ListStamps: grpc.handleUnaryCall<_strata_location_v1_ListStampsRequest__Output, _strata_location_v1_ListStampsResponse>;
  
  RegisterStamp: grpc.handleUnaryCall<_strata_location_v1_RegisterStampRequest__Output, _strata_location_v1_StampInfo>;
  
}

export interface LocationServiceDefinition extends grpc.ServiceDefinition {
  CreateAccount: MethodDefinition<_strata_location_v1_CreateAccountRequest, _strata_location_v1_AccountInfo, _strata_location_v1_CreateAccountRequest__Output, _strata_location_v1_AccountInfo__Output>
  GetAccount: MethodDefinition<_strata_location_v1_GetAccountRequest, _strata_location_v1_AccountInfo, _strata_location_v1_GetAccountRequest__Output, _strata_location_v1_AccountInfo__Output>
  ListAccounts: MethodDefinition<_strata_location_v1_ListAccountsRequest, _strata_location_v1_ListAccountsResponse, _strata_location_v1_ListAccountsRequest__Output, _strata_location_v1_ListAccountsResponse__Output>
  ListStamps: MethodDefinition<_strata_location_v1_ListStampsRequest, _strata_location_v1_ListStampsResponse, _strata_location_v1_ListStampsRequest__Output, _strata_location_v1_ListStampsResponse__Output>
  RegisterStamp: MethodDefinition<_strata_location_v1_RegisterStampRequest, _strata_location_v1_StampInfo, _strata_location_v1_RegisterStampRequest__Output, _strata_location_v1_StampInfo__Output>
}
