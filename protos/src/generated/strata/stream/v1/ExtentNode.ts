// Original file: strata/stream/v1/extent_node.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CopyReplicaRequest as _strata_stream_v1_CopyReplicaRequest, CopyReplicaRequest__Output as _strata_stream_v1_CopyReplicaRequest__Output } from '../../../strata/stream/v1/CopyReplicaRequest.js';
import type { CreateExtentRequest as _strata_stream_v1_CreateExtentRequest, CreateExtentRequest__Output as _strata_stream_v1_CreateExtentRequest__Output } from '../../../strata/stream/v1/CreateExtentRequest.js';
import type { CreateExtentResponse as _strata_stream_v1_CreateExtentResponse, CreateExtentResponse__Output as _strata_stream_v1_CreateExtentResponse__Output } from '../../../strata/stream/v1/CreateExtentResponse.js';
import type { DeleteReplicaRequest as _strata_stream_v1_DeleteReplicaRequest, DeleteReplicaRequest__Output as _strata_stream_v1_DeleteReplicaRequest__Output } from '../../../strata/stream/v1/DeleteReplicaRequest.js';
import type { DeleteReplicaResponse as _strata_stream_v1_DeleteReplicaResponse, DeleteReplicaResponse__Output as _strata_stream_v1_DeleteReplicaResponse__Output } from '../../../strata/stream/v1/DeleteReplicaResponse.js';
import type { GetNodeStatsRequest as _strata_stream_v1_GetNodeStatsRequest, GetNodeStatsRequest__Output as _strata_stream_v1_GetNodeStatsRequest__Output } from '../../../strata/stream/v1/GetNodeStatsRequest.js';
import type { GetReplicaInfoRequest as _strata_stream_v1_GetReplicaInfoRequest, GetReplicaInfoRequest__Output as _strata_stream_v1_GetReplicaInfoRequest__Output } from '../../../strata/stream/v1/GetReplicaInfoRequest.js';
import type { ListReplicasRequest as _strata_stream_v1_ListReplicasRequest, ListReplicasRequest__Output as _strata_stream_v1_ListReplicasRequest__Output } from '../../../strata/stream/v1/ListReplicasRequest.js';
import type { ListReplicasResponse as _strata_stream_v1_ListReplicasResponse, ListReplicasResponse__Output as _strata_stream_v1_ListReplicasResponse__Output } from '../../../strata/stream/v1/ListReplicasResponse.js';
import type { NodeStats as _strata_stream_v1_NodeStats, NodeStats__Output as _strata_stream_v1_NodeStats__Output } from '../../../strata/stream/v1/NodeStats.js';
import type { ReplicaInfo as _strata_stream_v1_ReplicaInfo, ReplicaInfo__Output as _strata_stream_v1_ReplicaInfo__Output } from '../../../strata/stream/v1/ReplicaInfo.js';
import type { SealReplicaRequest as _strata_stream_v1_SealReplicaRequest, SealReplicaRequest__Output as _strata_stream_v1_SealReplicaRequest__Output } from '../../../strata/stream/v1/SealReplicaRequest.js';

export interface ExtentNodeClient extends grpc.Client {
  CopyReplica(argument: _strata_stream_v1_CopyReplicaRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ReplicaInfo__Output>): grpc.ClientUnaryCall;
  CopyReplica(argument: _strata_stream_v1_CopyReplicaRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_ReplicaInfo__Output>): grpc.ClientUnaryCall;
  CopyReplica(argument: _strata_stream_v1_CopyReplicaRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ReplicaInfo__Output>): grpc.ClientUnaryCall;
  CopyReplica(argument: _strata_stream_v1_CopyReplicaRequest, callback: grpc.requestCallback<_strata_stream_v1_ReplicaInfo__Output>): grpc.ClientUnaryCall;
  copyReplica(argument: _strata_stream_v1_CopyReplicaRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ReplicaInfo__Output>): grpc.ClientUnaryCall;
  copyReplica(argument: _strata_stream_v1_CopyReplicaRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_ReplicaInfo__Output>): grpc.ClientUnaryCall;
  copyReplica(argument: _strata_stream_v1_CopyReplicaRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ReplicaInfo__Output>): grpc.ClientUnaryCall;
  copyReplica(argument: _strata_stream_v1_CopyReplicaRequest, callback: grpc.requestCallback<_strata_stream_v1_ReplicaInfo__Output>): grpc.ClientUnaryCall;
  
  CreateExtent(argument: _strata_stream_v1_CreateExtentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_CreateExtentResponse__Output>): grpc.ClientUnaryCall;
  CreateExtent(argument: _strata_stream_v1_CreateExtentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_CreateExtentResponse__Output>): grpc.ClientUnaryCall;
  CreateExtent(argument: _strata_stream_v1_CreateExtentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_CreateExtentResponse__Output>): grpc.ClientUnaryCall;
  CreateExtent(argument: _strata_stream_v1_CreateExtentRequest, callback: grpc.requestCallback<_strata_stream_v1_CreateExtentResponse__Output>): grpc.ClientUnaryCall;
  createExtent(argument: _strata_stream_v1_CreateExtentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_CreateExtentResponse__Output>): grpc.ClientUnaryCall;
  createExtent(argument: _strata_stream_v1_CreateExtentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_CreateExtentResponse__Output>): grpc.ClientUnaryCall;
  createExtent(argument: _strata_stream_v1_CreateExtentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_CreateExtentResponse__Output>): grpc.ClientUnaryCall;
  createExtent(argument: _strata_stream_v1_CreateExtentRequest, callback: grpc.requestCallback<_strata_stream_v1_CreateExtentResponse__Output>): grpc.ClientUnaryCall;
  
  DeleteReplica(argument: _strata_stream_v1_DeleteReplicaRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_DeleteReplicaResponse__Output>): grpc.ClientUnaryCall;
  DeleteReplica(argument: _strata_stream_v1_DeleteReplicaRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_DeleteReplicaResponse__Output>): grpc.ClientUnaryCall;
  DeleteReplica(argument: _strata_stream_v1_DeleteReplicaRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_DeleteReplicaResponse__Output>): grpc.ClientUnaryCall;
  DeleteReplica(argument: _strata_stream_v1_DeleteReplicaRequest, callback: grpc.requestCallback<_strata_stream_v1_DeleteReplicaResponse__Output>): grpc.ClientUnaryCall;
  deleteReplica(argument: _strata_stream_v1_DeleteReplicaRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_DeleteReplicaResponse__Output>): grpc.ClientUnaryCall;
  deleteReplica(argument: _strata_stream_v1_DeleteReplicaRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_DeleteReplicaResponse__Output>): grpc.ClientUnaryCall;
  deleteReplica(argument: _strata_stream_v1_DeleteReplicaRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_DeleteReplicaResponse__Output>): grpc.ClientUnaryCall;
  deleteReplica(argument: _strata_stream_v1_DeleteReplicaRequest, callback: grpc.requestCallback<_strata_stream_v1_DeleteReplicaResponse__Output>): grpc.ClientUnaryCall;
  
  GetNodeStats(argument: _strata_stream_v1_GetNodeStatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_NodeStats__Output>): grpc.ClientUnaryCall;
  GetNodeStats(argument: _strata_stream_v1_GetNodeStatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_NodeStats__Output>): grpc.ClientUnaryCall;
  GetNodeStats(argument: _strata_stream_v1_GetNodeStatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_NodeStats__Output>): grpc.ClientUnaryCall;
  GetNodeStats(argument: _strata_stream_v1_GetNodeStatsRequest, callback: grpc.requestCallback<_strata_stream_v1_NodeStats__Output>): grpc.ClientUnaryCall;
  getNodeStats(argument: _strata_stream_v1_GetNodeStatsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_NodeStats__Output>): grpc.ClientUnaryCall;
  getNodeStats(argument: _strata_stream_v1_GetNodeStatsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_NodeStats__Output>): grpc.ClientUnaryCall;
  getNodeStats(argument: _strata_stream_v1_GetNodeStatsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_NodeStats__Output>): grpc.ClientUnaryCall;
  getNodeStats(argument: _strata_stream_v1_GetNodeStatsRequest, callback: grpc.requestCallback<_strata_stream_v1_NodeStats__Output>): grpc.ClientUnaryCall;
  
  GetReplicaInfo(argument: _strata_stream_v1_GetReplicaInfoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ReplicaInfo__Output>): grpc.ClientUnaryCall;
  GetReplicaInfo(argument: _strata_stream_v1_GetReplicaInfoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_ReplicaInfo__Output>): grpc.ClientUnaryCall;
  GetReplicaInfo(argument: _strata_stream_v1_GetReplicaInfoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ReplicaInfo__Output>): grpc.ClientUnaryCall;
  GetReplicaInfo(argument: _strata_stream_v1_GetReplicaInfoRequest, callback: grpc.requestCallback<_strata_stream_v1_ReplicaInfo__Output>): grpc.ClientUnaryCall;
  getReplicaInfo(argument: _strata_stream_v1_GetReplicaInfoRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ReplicaInfo__Output>): grpc.ClientUnaryCall;
  getReplicaInfo(argument: _strata_stream_v1_GetReplicaInfoRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_ReplicaInfo__Output>): grpc.ClientUnaryCall;
  getReplicaInfo(argument: _strata_stream_v1_GetReplicaInfoRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ReplicaInfo__Output>): grpc.ClientUnaryCall;
  getReplicaInfo(argument: _strata_stream_v1_GetReplicaInfoRequest, callback: grpc.requestCallback<_strata_stream_v1_ReplicaInfo__Output>): grpc.ClientUnaryCall;
  
  ListReplicas(argument: _strata_stream_v1_ListReplicasRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ListReplicasResponse__Output>): grpc.ClientUnaryCall;
  ListReplicas(argument: _strata_stream_v1_ListReplicasRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_ListReplicasResponse__Output>): grpc.ClientUnaryCall;
  ListReplicas(argument: _strata_stream_v1_ListReplicasRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ListReplicasResponse__Output>): grpc.ClientUnaryCall;
  ListReplicas(argument: _strata_stream_v1_ListReplicasRequest, callback: grpc.requestCallback<_strata_stream_v1_ListReplicasResponse__Output>): grpc.ClientUnaryCall;
  listReplicas(argument: _strata_stream_v1_ListReplicasRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ListReplicasResponse__Output>): grpc.ClientUnaryCall;
  listReplicas(argument: _strata_stream_v1_ListReplicasRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_ListReplicasResponse__Output>): grpc.ClientUnaryCall;
  listReplicas(argument: _strata_stream_v1_ListReplicasRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ListReplicasResponse__Output>): grpc.ClientUnaryCall;
  listReplicas(argument: _strata_stream_v1_ListReplicasRequest, callback: grpc.requestCallback<_strata_stream_v1_ListReplicasResponse__Output>): grpc.ClientUnaryCall;
  
  SealReplica(argument: _strata_stream_v1_SealReplicaRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ReplicaInfo__Output>): grpc.ClientUnaryCall;
  SealReplica(argument: _strata_stream_v1_SealReplicaRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_ReplicaInfo__Output>): grpc.ClientUnaryCall;
  SealReplica(argument: _strata_stream_v1_SealReplicaRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ReplicaInfo__Output>): grpc.ClientUnaryCall;
  SealReplica(argument: _strata_stream_v1_SealReplicaRequest, callback: grpc.requestCallback<_strata_stream_v1_ReplicaInfo__Output>): grpc.ClientUnaryCall;
  sealReplica(argument: _strata_stream_v1_SealReplicaRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ReplicaInfo__Output>): grpc.ClientUnaryCall;
  sealReplica(argument: _strata_stream_v1_SealReplicaRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_ReplicaInfo__Output>): grpc.ClientUnaryCall;
  sealReplica(argument: _strata_stream_v1_SealReplicaRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ReplicaInfo__Output>): grpc.ClientUnaryCall;
  sealReplica(argument: _strata_stream_v1_SealReplicaRequest, callback: grpc.requestCallback<_strata_stream_v1_ReplicaInfo__Output>): grpc.ClientUnaryCall;
  
}

export interface ExtentNodeHandlers extends grpc.UntypedServiceImplementation {
  CopyReplica: grpc.handleUnaryCall<_strata_stream_v1_CopyReplicaRequest__Output, _strata_stream_v1_ReplicaInfo>;
  
  CreateExtent: grpc.handleUnaryCall<_strata_stream_v1_CreateExtentRequest__Output, _strata_stream_v1_CreateExtentResponse>;
  
  DeleteReplica: grpc.handleUnaryCall<_strata_stream_v1_DeleteReplicaRequest__Output, _strata_stream_v1_DeleteReplicaResponse>;
  
  GetNodeStats: grpc.handleUnaryCall<_strata_stream_v1_GetNodeStatsRequest__Output, _strata_stream_v1_NodeStats>;
  
  GetReplicaInfo: grpc.handleUnaryCall<_strata_stream_v1_GetReplicaInfoRequest__Output, _strata_stream_v1_ReplicaInfo>;
  
  ListReplicas: grpc.handleUnaryCall<_strata_stream_v1_ListReplicasRequest__Output, _strata_stream_v1_ListReplicasResponse>;
  
  SealReplica: grpc.handleUnaryCall<_strata_stream_v1_SealReplicaRequest__Output, _strata_stream_v1_ReplicaInfo>;
  
}

export interface ExtentNodeDefinition extends grpc.ServiceDefinition {
  CopyReplica: MethodDefinition<_strata_stream_v1_CopyReplicaRequest, _strata_stream_v1_ReplicaInfo, _strata_stream_v1_CopyReplicaRequest__Output, _strata_stream_v1_ReplicaInfo__Output>
  CreateExtent: MethodDefinition<_strata_stream_v1_CreateExtentRequest, _strata_stream_v1_CreateExtentResponse, _strata_stream_v1_CreateExtentRequest__Output, _strata_stream_v1_CreateExtentResponse__Output>
  DeleteReplica: MethodDefinition<_strata_stream_v1_DeleteReplicaRequest, _strata_stream_v1_DeleteReplicaResponse, _strata_stream_v1_DeleteReplicaRequest__Output, _strata_stream_v1_DeleteReplicaResponse__Output>
  GetNodeStats: MethodDefinition<_strata_stream_v1_GetNodeStatsRequest, _strata_stream_v1_NodeStats, _strata_stream_v1_GetNodeStatsRequest__Output, _strata_stream_v1_NodeStats__Output>
  GetReplicaInfo: MethodDefinition<_strata_stream_v1_GetReplicaInfoRequest, _strata_stream_v1_ReplicaInfo, _strata_stream_v1_GetReplicaInfoRequest__Output, _strata_stream_v1_ReplicaInfo__Output>
  ListReplicas: MethodDefinition<_strata_stream_v1_ListReplicasRequest, _strata_stream_v1_ListReplicasResponse, _strata_stream_v1_ListReplicasRequest__Output, _strata_stream_v1_ListReplicasResponse__Output>
  SealReplica: MethodDefinition<_strata_stream_v1_SealReplicaRequest, _strata_stream_v1_ReplicaInfo, _strata_stream_v1_SealReplicaRequest__Output, _strata_stream_v1_ReplicaInfo__Output>
}
