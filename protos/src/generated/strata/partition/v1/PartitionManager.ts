// Original file: strata/partition/v1/partition_manager.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { GcPauseRequest as _strata_partition_v1_GcPauseRequest, GcPauseRequest__Output as _strata_partition_v1_GcPauseRequest__Output } from '../../../strata/partition/v1/GcPauseRequest.js';
import type { GcRound as _strata_partition_v1_GcRound, GcRound__Output as _strata_partition_v1_GcRound__Output } from '../../../strata/partition/v1/GcRound.js';
import type { GcRunRequest as _strata_partition_v1_GcRunRequest, GcRunRequest__Output as _strata_partition_v1_GcRunRequest__Output } from '../../../strata/partition/v1/GcRunRequest.js';
import type { GcState as _strata_partition_v1_GcState, GcState__Output as _strata_partition_v1_GcState__Output } from '../../../strata/partition/v1/GcState.js';
import type { GcStatusRequest as _strata_partition_v1_GcStatusRequest, GcStatusRequest__Output as _strata_partition_v1_GcStatusRequest__Output } from '../../../strata/partition/v1/GcStatusRequest.js';
import type { GetPartitionMapRequest as _strata_partition_v1_GetPartitionMapRequest, GetPartitionMapRequest__Output as _strata_partition_v1_GetPartitionMapRequest__Output } from '../../../strata/partition/v1/GetPartitionMapRequest.js';
import type { MergePartitionsRequest as _strata_partition_v1_MergePartitionsRequest, MergePartitionsRequest__Output as _strata_partition_v1_MergePartitionsRequest__Output } from '../../../strata/partition/v1/MergePartitionsRequest.js';
import type { MovePartitionRequest as _strata_partition_v1_MovePartitionRequest, MovePartitionRequest__Output as _strata_partition_v1_MovePartitionRequest__Output } from '../../../strata/partition/v1/MovePartitionRequest.js';
import type { PartitionChange as _strata_partition_v1_PartitionChange, PartitionChange__Output as _strata_partition_v1_PartitionChange__Output } from '../../../strata/partition/v1/PartitionChange.js';
import type { PartitionMap as _strata_partition_v1_PartitionMap, PartitionMap__Output as _strata_partition_v1_PartitionMap__Output } from '../../../strata/partition/v1/PartitionMap.js';
import type { SplitPartitionRequest as _strata_partition_v1_SplitPartitionRequest, SplitPartitionRequest__Output as _strata_partition_v1_SplitPartitionRequest__Output } from '../../../strata/partition/v1/SplitPartitionRequest.js';

export interface PartitionManagerClient extends grpc.Client {
  GcPause(argument: _strata_partition_v1_GcPauseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_GcState__Output>): grpc.ClientUnaryCall;
  GcPause(argument: _strata_partition_v1_GcPauseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_GcState__Output>): grpc.ClientUnaryCall;
  GcPause(argument: _strata_partition_v1_GcPauseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_GcState__Output>): grpc.ClientUnaryCall;
  GcPause(argument: _strata_partition_v1_GcPauseRequest, callback: grpc.requestCallback<_strata_partition_v1_GcState__Output>): grpc.ClientUnaryCall;
  gcPause(argument: _strata_partition_v1_GcPauseRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_GcState__Output>): grpc.ClientUnaryCall;
  gcPause(argument: _strata_partition_v1_GcPauseRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_GcState__Output>): grpc.ClientUnaryCall;
  gcPause(argument: _strata_partition_v1_GcPauseRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_GcState__Output>): grpc.ClientUnaryCall;
  gcPause(argument: _strata_partition_v1_GcPauseRequest, callback: grpc.requestCallback<_strata_partition_v1_GcState__Output>): grpc.ClientUnaryCall;
  
  GcRun(argument: _strata_partition_v1_GcRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_GcRound__Output>): grpc.ClientUnaryCall;
  GcRun(argument: _strata_partition_v1_GcRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_GcRound__Output>): grpc.ClientUnaryCall;
  GcRun(argument: _strata_partition_v1_GcRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_GcRound__Output>): grpc.ClientUnaryCall;
  GcRun(argument: _strata_partition_v1_GcRunRequest, callback: grpc.requestCallback<_strata_partition_v1_GcRound__Output>): grpc.ClientUnaryCall;
  gcRun(argument: _strata_partition_v1_GcRunRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_GcRound__Output>): grpc.ClientUnaryCall;
  gcRun(argument: _strata_partition_v1_GcRunRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_GcRound__Output>): grpc.ClientUnaryCall;
  gcRun(argument: _strata_partition_v1_GcRunRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_GcRound__Output>): grpc.ClientUnaryCall;
  gcRun(argument: _strata_partition_v1_GcRunRequest, callback: grpc.requestCallback<_strata_partition_v1_GcRound__Output>): grpc.ClientUnaryCall;
  
  GcStatus(argument: _strata_partition_v1_GcStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_GcState__Output>): grpc.ClientUnaryCall;
  GcStatus(argument: _strata_partition_v1_GcStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_GcState__Output>): grpc.ClientUnaryCall;
  GcStatus(argument: _strata_partition_v1_GcStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_GcState__Output>): grpc.ClientUnaryCall;
  GcStatus(argument: _strata_partition_v1_GcStatusRequest, callback: grpc.requestCallback<_strata_partition_v1_GcState__Output>): grpc.ClientUnaryCall;
  gcStatus(argument: _strata_partition_v1_GcStatusRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_GcState__Output>): grpc.ClientUnaryCall;
  gcStatus(argument: _strata_partition_v1_GcStatusRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_GcState__Output>): grpc.ClientUnaryCall;
  gcStatus(argument: _strata_partition_v1_GcStatusRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_GcState__Output>): grpc.ClientUnaryCall;
  gcStatus(argument: _strata_partition_v1_GcStatusRequest, callback: grpc.requestCallback<_strata_partition_v1_GcState__Output>): grpc.ClientUnaryCall;
  
  GetPartitionMap(argument: _strata_partition_v1_GetPartitionMapRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionMap__Output>): grpc.ClientUnaryCall;
  GetPartitionMap(argument: _strata_partition_v1_GetPartitionMapRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_PartitionMap__Output>): grpc.ClientUnaryCall;
  GetPartitionMap(argument: _strata_partition_v1_GetPartitionMapRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionMap__Output>): grpc.ClientUnaryCall;
  GetPartitionMap(argument: _strata_partition_v1_GetPartitionMapRequest, callback: grpc.requestCallback<_strata_partition_v1_PartitionMap__Output>): grpc.ClientUnaryCall;
  getPartitionMap(argument: _strata_partition_v1_GetPartitionMapRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionMap__Output>): grpc.ClientUnaryCall;
  getPartitionMap(argument: _strata_partition_v1_GetPartitionMapRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_PartitionMap__Output>): grpc.ClientUnaryCall;
  getPartitionMap(argument: _strata_partition_v1_GetPartitionMapRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionMap__Output>): grpc.ClientUnaryCall;
  getPartitionMap(argument: _strata_partition_v1_GetPartitionMapRequest, callback: grpc.requestCallback<_strata_partition_v1_PartitionMap__Output>): grpc.ClientUnaryCall;
  
  MergePartitions(argument: _strata_partition_v1_MergePartitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  MergePartitions(argument: _strata_partition_v1_MergePartitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  MergePartitions(argument: _strata_partition_v1_MergePartitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  MergePartitions(argument: _strata_partition_v1_MergePartitionsRequest, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  mergePartitions(argument: _strata_partition_v1_MergePartitionsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  mergePartitions(argument: _strata_partition_v1_MergePartitionsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  mergePartitions(argument: _strata_partition_v1_MergePartitionsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  mergePartitions(argument: _strata_partition_v1_MergePartitionsRequest, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  
  MovePartition(argument: _strata_partition_v1_MovePartitionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  MovePartition(argument: _strata_partition_v1_MovePartitionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  MovePartition(argument: _strata_partition_v1_MovePartitionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  MovePartition(argument: _strata_partition_v1_MovePartitionRequest, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  movePartition(argument: _strata_partition_v1_MovePartitionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  movePartition(argument: _strata_partition_v1_MovePartitionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  movePartition(argument: _strata_partition_v1_MovePartitionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  movePartition(argument: _strata_partition_v1_MovePartitionRequest, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  
  SplitPartition(argument: _strata_partition_v1_SplitPartitionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  SplitPartition(argument: _strata_partition_v1_SplitPartitionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  SplitPartition(argument: _strata_partition_v1_SplitPartitionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  SplitPartition(argument: _strata_partition_v1_SplitPartitionRequest, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  splitPartition(argument: _strata_partition_v1_SplitPartitionRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  splitPartition(argument: _strata_partition_v1_SplitPartitionRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  splitPartition(argument: _strata_partition_v1_SplitPartitionRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  splitPartition(argument: _strata_partition_v1_SplitPartitionRequest, callback: grpc.requestCallback<_strata_partition_v1_PartitionChange__Output>): grpc.ClientUnaryCall;
  
}

export interface PartitionManagerHandlers extends grpc.UntypedServiceImplementation {
  GcPause: grpc.handleUnaryCall<_strata_partition_v1_GcPauseRequest__Output, _strata_partition_v1_GcState>;
  
  GcRun: grpc.handleUnaryCall<_strata_partition_v1_GcRunRequest__Output, _strata_partition_v1_GcRound>;
  
  GcStatus: grpc.handleUnaryCall<_strata_partition_v1_GcStatusRequest__Output, _strata_partition_v1_GcState>;
  
  GetPartitionMap: grpc.handleUnaryCall<_strata_partition_v1_GetPartitionMapRequest__Output, _strata_partition_v1_PartitionMap>;
  
  MergePartitions: grpc.handleUnaryCall<_strata_partition_v1_MergePartitionsRequest__Output, _strata_partition_v1_PartitionChange>;
  
  MovePartition: grpc.handleUnaryCall<_strata_partition_v1_MovePartitionRequest__Output, _strata_partition_v1_PartitionChange>;
  
  SplitPartition: grpc.handleUnaryCall<_strata_partition_v1_SplitPartitionRequest__Output, _strata_partition_v1_PartitionChange>;
  
}

export interface PartitionManagerDefinition extends grpc.ServiceDefinition {
  GcPause: MethodDefinition<_strata_partition_v1_GcPauseRequest, _strata_partition_v1_GcState, _strata_partition_v1_GcPauseRequest__Output, _strata_partition_v1_GcState__Output>
  GcRun: MethodDefinition<_strata_partition_v1_GcRunRequest, _strata_partition_v1_GcRound, _strata_partition_v1_GcRunRequest__Output, _strata_partition_v1_GcRound__Output>
  GcStatus: MethodDefinition<_strata_partition_v1_GcStatusRequest, _strata_partition_v1_GcState, _strata_partition_v1_GcStatusRequest__Output, _strata_partition_v1_GcState__Output>
  GetPartitionMap: MethodDefinition<_strata_partition_v1_GetPartitionMapRequest, _strata_partition_v1_PartitionMap, _strata_partition_v1_GetPartitionMapRequest__Output, _strata_partition_v1_PartitionMap__Output>
  MergePartitions: MethodDefinition<_strata_partition_v1_MergePartitionsRequest, _strata_partition_v1_PartitionChange, _strata_partition_v1_MergePartitionsRequest__Output, _strata_partition_v1_PartitionChange__Output>
  MovePartition: MethodDefinition<_strata_partition_v1_MovePartitionRequest, _strata_partition_v1_PartitionChange, _strata_partition_v1_MovePartitionRequest__Output, _strata_partition_v1_PartitionChange__Output>
  SplitPartition: MethodDefinition<_strata_partition_v1_SplitPartitionRequest, _strata_partition_v1_PartitionChange, _strata_partition_v1_SplitPartitionRequest__Output, _strata_partition_v1_PartitionChange__Output>
}
