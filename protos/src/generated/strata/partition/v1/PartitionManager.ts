// Original file: strata/partition/v1/partition_manager.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GetPartitionMapRequest as _strata_partition_v1_GetPartitionMapRequest, GetPartitionMapRequest__Output as _strata_partition_v1_GetPartitionMapRequest__Output } from '../../../strata/partition/v1/GetPartitionMapRequest.js';
import type { PartitionMap as _strata_partition_v1_PartitionMap, PartitionMap__Output as _strata_partition_v1_PartitionMap__Output } from '../../../strata/partition/v1/PartitionMap.js';

export interface PartitionManagerClient extends grpc.Client {
  GetPartitionMap(argument: _strata_partition_v1_GetPartitionMapRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionMap__Output>): grpc.ClientUnaryCall;
  GetPartitionMap(argument: _strata_partition_v1_GetPartitionMapRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_PartitionMap__Output>): grpc.ClientUnaryCall;
  GetPartitionMap(argument: _strata_partition_v1_GetPartitionMapRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionMap__Output>): grpc.ClientUnaryCall;
  GetPartitionMap(argument: _strata_partition_v1_GetPartitionMapRequest, callback: grpc.requestCallback<_strata_partition_v1_PartitionMap__Output>): grpc.ClientUnaryCall;
  getPartitionMap(argument: _strata_partition_v1_GetPartitionMapRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionMap__Output>): grpc.ClientUnaryCall;
  getPartitionMap(argument: _strata_partition_v1_GetPartitionMapRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_PartitionMap__Output>): grpc.ClientUnaryCall;
  getPartitionMap(argument: _strata_partition_v1_GetPartitionMapRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionMap__Output>): grpc.ClientUnaryCall;
  getPartitionMap(argument: _strata_partition_v1_GetPartitionMapRequest, callback: grpc.requestCallback<_strata_partition_v1_PartitionMap__Output>): grpc.ClientUnaryCall;
  
}

export interface PartitionManagerHandlers extends grpc.UntypedServiceImplementation {
  GetPartitionMap: grpc.handleUnaryCall<_strata_partition_v1_GetPartitionMapRequest__Output, _strata_partition_v1_PartitionMap>;
  
}

export interface PartitionManagerDefinition extends grpc.ServiceDefinition {
  GetPartitionMap: MethodDefinition<_strata_partition_v1_GetPartitionMapRequest, _strata_partition_v1_PartitionMap, _strata_partition_v1_GetPartitionMapRequest__Output, _strata_partition_v1_PartitionMap__Output>
}
