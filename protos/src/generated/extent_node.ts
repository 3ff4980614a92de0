import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { BlockPointer as _strata_stream_v1_BlockPointer, BlockPointer__Output as _strata_stream_v1_BlockPointer__Output } from './strata/stream/v1/BlockPointer.js';
import type { CopyReplicaRequest as _strata_stream_v1_CopyReplicaRequest, CopyReplicaRequest__Output as _strata_stream_v1_CopyReplicaRequest__Output } from './strata/stream/v1/CopyReplicaRequest.js';
import type { CreateExtentRequest as _strata_stream_v1_CreateExtentRequest, CreateExtentRequest__Output as _strata_stream_v1_CreateExtentRequest__Output } from './strata/stream/v1/CreateExtentRequest.js';
import type { CreateExtentResponse as _strata_stream_v1_CreateExtentResponse, CreateExtentResponse__Output as _strata_stream_v1_CreateExtentResponse__Output } from './strata/stream/v1/CreateExtentResponse.js';
import type { DeleteReplicaRequest as _strata_stream_v1_DeleteReplicaRequest, DeleteReplicaRequest__Output as _strata_stream_v1_DeleteReplicaRequest__Output } from './strata/stream/v1/DeleteReplicaRequest.js';
import type { DeleteReplicaResponse as _strata_stream_v1_DeleteReplicaResponse, DeleteReplicaResponse__Output as _strata_stream_v1_DeleteReplicaResponse__Output } from './strata/stream/v1/DeleteReplicaResponse.js';
import type { ExtentHold as _strata_stream_v1_ExtentHold, ExtentHold__Output as _strata_stream_v1_ExtentHold__Output } from './strata/stream/v1/ExtentHold.js';
import type { ExtentInfo as _strata_stream_v1_ExtentInfo, ExtentInfo__Output as _strata_stream_v1_ExtentInfo__Output } from './strata/stream/v1/ExtentInfo.js';
import type { ExtentNodeClient as _strata_stream_v1_ExtentNodeClient, ExtentNodeDefinition as _strata_stream_v1_ExtentNodeDefinition } from './strata/stream/v1/ExtentNode.js';
import type { GetNodeStatsRequest as _strata_stream_v1_GetNodeStatsRequest, GetNodeStatsRequest__Output as _strata_stream_v1_GetNodeStatsRequest__Output } from './strata/stream/v1/GetNodeStatsRequest.js';
import type { GetReplicaInfoRequest as _strata_stream_v1_GetReplicaInfoRequest, GetReplicaInfoRequest__Output as _strata_stream_v1_GetReplicaInfoRequest__Output } from './strata/stream/v1/GetReplicaInfoRequest.js';
import type { ListReplicasRequest as _strata_stream_v1_ListReplicasRequest, ListReplicasRequest__Output as _strata_stream_v1_ListReplicasRequest__Output } from './strata/stream/v1/ListReplicasRequest.js';
import type { ListReplicasResponse as _strata_stream_v1_ListReplicasResponse, ListReplicasResponse__Output as _strata_stream_v1_ListReplicasResponse__Output } from './strata/stream/v1/ListReplicasResponse.js';
import type { NodeStats as _strata_stream_v1_NodeStats, NodeStats__Output as _strata_stream_v1_NodeStats__Output } from './strata/stream/v1/NodeStats.js';
import type { Replica as _strata_stream_v1_Replica, Replica__Output as _strata_stream_v1_Replica__Output } from './strata/stream/v1/Replica.js';
import type { ReplicaInfo as _strata_stream_v1_ReplicaInfo, ReplicaInfo__Output as _strata_stream_v1_ReplicaInfo__Output } from './strata/stream/v1/ReplicaInfo.js';
import type { ReplicaState as _strata_stream_v1_ReplicaState, ReplicaState__Output as _strata_stream_v1_ReplicaState__Output } from './strata/stream/v1/ReplicaState.js';
import type { SealReplicaRequest as _strata_stream_v1_SealReplicaRequest, SealReplicaRequest__Output as _strata_stream_v1_SealReplicaRequest__Output } from './strata/stream/v1/SealReplicaRequest.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strata: {
    stream: {
      v1: {
        BlockPointer: MessageTypeDefinition<_strata_stream_v1_BlockPointer, _strata_stream_v1_BlockPointer__Output>
        CopyReplicaRequest: MessageTypeDefinition<_strata_stream_v1_CopyReplicaRequest, _strata_stream_v1_CopyReplicaRequest__Output>
        CreateExtentRequest: MessageTypeDefinition<_strata_stream_v1_CreateExtentRequest, _strata_stream_v1_CreateExtentRequest__Output>
        CreateExtentResponse: MessageTypeDefinition<_strata_stream_v1_CreateExtentResponse, _strata_stream_v1_CreateExtentResponse__Output>
        DeleteReplicaRequest: MessageTypeDefinition<_strata_stream_v1_DeleteReplicaRequest, _strata_stream_v1_DeleteReplicaRequest__Output>
        DeleteReplicaResponse: MessageTypeDefinition<_strata_stream_v1_DeleteReplicaResponse, _strata_stream_v1_DeleteReplicaResponse__Output>
        ExtentHold: MessageTypeDefinition<_strata_stream_v1_ExtentHold, _strata_stream_v1_ExtentHold__Output>
        ExtentInfo: MessageTypeDefinition<_strata_stream_v1_ExtentInfo, _strata_stream_v1_ExtentInfo__Output>
        ExtentNode: SubtypeConstructor<typeof grpc.Client, _strata_stream_v1_ExtentNodeClient> & { service: _strata_stream_v1_ExtentNodeDefinition }
        GetNodeStatsRequest: MessageTypeDefinition<_strata_stream_v1_GetNodeStatsRequest, _strata_stream_v1_GetNodeStatsRequest__Output>
        GetReplicaInfoRequest: MessageTypeDefinition<_strata_stream_v1_GetReplicaInfoRequest, _strata_stream_v1_GetReplicaInfoRequest__Output>
        ListReplicasRequest: MessageTypeDefinition<_strata_stream_v1_ListReplicasRequest, _strata_stream_v1_ListReplicasRequest__Output>
        ListReplicasResponse: MessageTypeDefinition<_strata_stream_v1_ListReplicasResponse, _strata_stream_v1_ListReplicasResponse__Output>
        NodeStats: MessageTypeDefinition<_strata_stream_v1_NodeStats, _strata_stream_v1_NodeStats__Output>
        Replica: MessageTypeDefinition<_strata_stream_v1_Replica, _strata_stream_v1_Replica__Output>
        ReplicaInfo: MessageTypeDefinition<_strata_stream_v1_ReplicaInfo, _strata_stream_v1_ReplicaInfo__Output>
        ReplicaState: MessageTypeDefinition<_strata_stream_v1_ReplicaState, _strata_stream_v1_ReplicaState__Output>
        SealReplicaRequest: MessageTypeDefinition<_strata_stream_v1_SealReplicaRequest, _strata_stream_v1_SealReplicaRequest__Output>
      }
    }
  }
}

