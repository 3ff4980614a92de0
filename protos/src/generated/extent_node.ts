import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { AppendRequest as _strata_stream_v1_AppendRequest, AppendRequest__Output as _strata_stream_v1_AppendRequest__Output } from './strata/stream/v1/AppendRequest.js';
import type { AppendResponse as _strata_stream_v1_AppendResponse, AppendResponse__Output as _strata_stream_v1_AppendResponse__Output } from './strata/stream/v1/AppendResponse.js';
import type { Block as _strata_stream_v1_Block, Block__Output as _strata_stream_v1_Block__Output } from './strata/stream/v1/Block.js';
import type { BlockPointer as _strata_stream_v1_BlockPointer, BlockPointer__Output as _strata_stream_v1_BlockPointer__Output } from './strata/stream/v1/BlockPointer.js';
import type { CreateExtentRequest as _strata_stream_v1_CreateExtentRequest, CreateExtentRequest__Output as _strata_stream_v1_CreateExtentRequest__Output } from './strata/stream/v1/CreateExtentRequest.js';
import type { CreateExtentResponse as _strata_stream_v1_CreateExtentResponse, CreateExtentResponse__Output as _strata_stream_v1_CreateExtentResponse__Output } from './strata/stream/v1/CreateExtentResponse.js';
import type { ExtentInfo as _strata_stream_v1_ExtentInfo, ExtentInfo__Output as _strata_stream_v1_ExtentInfo__Output } from './strata/stream/v1/ExtentInfo.js';
import type { ExtentNodeClient as _strata_stream_v1_ExtentNodeClient, ExtentNodeDefinition as _strata_stream_v1_ExtentNodeDefinition } from './strata/stream/v1/ExtentNode.js';
import type { GetReplicaInfoRequest as _strata_stream_v1_GetReplicaInfoRequest, GetReplicaInfoRequest__Output as _strata_stream_v1_GetReplicaInfoRequest__Output } from './strata/stream/v1/GetReplicaInfoRequest.js';
import type { ReadBlocksRequest as _strata_stream_v1_ReadBlocksRequest, ReadBlocksRequest__Output as _strata_stream_v1_ReadBlocksRequest__Output } from './strata/stream/v1/ReadBlocksRequest.js';
import type { ReadBlocksResponse as _strata_stream_v1_ReadBlocksResponse, ReadBlocksResponse__Output as _strata_stream_v1_ReadBlocksResponse__Output } from './strata/stream/v1/ReadBlocksResponse.js';
import type { Replica as _strata_stream_v1_Replica, Replica__Output as _strata_stream_v1_Replica__Output } from './strata/stream/v1/Replica.js';
import type { ReplicaInfo as _strata_stream_v1_ReplicaInfo, ReplicaInfo__Output as _strata_stream_v1_ReplicaInfo__Output } from './strata/stream/v1/ReplicaInfo.js';
import type { SealReplicaRequest as _strata_stream_v1_SealReplicaRequest, SealReplicaRequest__Output as _strata_stream_v1_SealReplicaRequest__Output } from './strata/stream/v1/SealReplicaRequest.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strata: {
    stream: {
      v1: {
        AppendRequest: MessageTypeDefinition<_strata_stream_v1_AppendRequest, _strata_stream_v1_AppendRequest__Output>
        AppendResponse: MessageTypeDefinition<_strata_stream_v1_AppendResponse, _strata_stream_v1_AppendResponse__Output>
        Block: MessageTypeDefinition<_strata_stream_v1_Block, _strata_stream_v1_Block__Output>
        BlockPointer: MessageTypeDefinition<_strata_stream_v1_BlockPointer, _strata_stream_v1_BlockPointer__Output>
        CreateExtentRequest: MessageTypeDefinition<_strata_stream_v1_CreateExtentRequest, _strata_stream_v1_CreateExtentRequest__Output>
        CreateExtentResponse: MessageTypeDefinition<_strata_stream_v1_CreateExtentResponse, _strata_stream_v1_CreateExtentResponse__Output>
        ExtentInfo: MessageTypeDefinition<_strata_stream_v1_ExtentInfo, _strata_stream_v1_ExtentInfo__Output>
        ExtentNode: SubtypeConstructor<typeof grpc.Client, _strata_stream_v1_ExtentNodeClient> & { service: _strata_stream_v1_ExtentNodeDefinition }
        GetReplicaInfoRequest: MessageTypeDefinition<_strata_stream_v1_GetReplicaInfoRequest, _strata_stream_v1_GetReplicaInfoRequest__Output>
        ReadBlocksRequest: MessageTypeDefinition<_strata_stream_v1_ReadBlocksRequest, _strata_stream_v1_ReadBlocksRequest__Output>
        ReadBlocksResponse: MessageTypeDefinition<_strata_stream_v1_ReadBlocksResponse, _strata_stream_v1_ReadBlocksResponse__Output>
        Replica: MessageTypeDefinition<_strata_stream_v1_Replica, _strata_stream_v1_Replica__Output>
        ReplicaInfo: MessageTypeDefinition<_strata_stream_v1_ReplicaInfo, _strata_stream_v1_ReplicaInfo__Output>
        SealReplicaRequest: MessageTypeDefinition<_strata_stream_v1_SealReplicaRequest, _strata_stream_v1_SealReplicaRequest__Output>
      }
    }
  }
}

