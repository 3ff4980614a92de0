import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { BlockPointer as _strata_stream_v1_BlockPointer, BlockPointer__Output as _strata_stream_v1_BlockPointer__Output } from './strata/stream/v1/BlockPointer.js';
import type { CreateStreamRequest as _strata_stream_v1_CreateStreamRequest, CreateStreamRequest__Output as _strata_stream_v1_CreateStreamRequest__Output } from './strata/stream/v1/CreateStreamRequest.js';
import type { DeleteStreamRequest as _strata_stream_v1_DeleteStreamRequest, DeleteStreamRequest__Output as _strata_stream_v1_DeleteStreamRequest__Output } from './strata/stream/v1/DeleteStreamRequest.js';
import type { DeleteStreamResponse as _strata_stream_v1_DeleteStreamResponse, DeleteStreamResponse__Output as _strata_stream_v1_DeleteStreamResponse__Output } from './strata/stream/v1/DeleteStreamResponse.js';
import type { ExtentHold as _strata_stream_v1_ExtentHold, ExtentHold__Output as _strata_stream_v1_ExtentHold__Output } from './strata/stream/v1/ExtentHold.js';
import type { ExtentInfo as _strata_stream_v1_ExtentInfo, ExtentInfo__Output as _strata_stream_v1_ExtentInfo__Output } from './strata/stream/v1/ExtentInfo.js';
import type { GetExtentRequest as _strata_stream_v1_GetExtentRequest, GetExtentRequest__Output as _strata_stream_v1_GetExtentRequest__Output } from './strata/stream/v1/GetExtentRequest.js';
import type { GetStreamRequest as _strata_stream_v1_GetStreamRequest, GetStreamRequest__Output as _strata_stream_v1_GetStreamRequest__Output } from './strata/stream/v1/GetStreamRequest.js';
import type { HoldExtentsRequest as _strata_stream_v1_HoldExtentsRequest, HoldExtentsRequest__Output as _strata_stream_v1_HoldExtentsRequest__Output } from './strata/stream/v1/HoldExtentsRequest.js';
import type { HoldExtentsResponse as _strata_stream_v1_HoldExtentsResponse, HoldExtentsResponse__Output as _strata_stream_v1_HoldExtentsResponse__Output } from './strata/stream/v1/HoldExtentsResponse.js';
import type { ListHeldExtentsRequest as _strata_stream_v1_ListHeldExtentsRequest, ListHeldExtentsRequest__Output as _strata_stream_v1_ListHeldExtentsRequest__Output } from './strata/stream/v1/ListHeldExtentsRequest.js';
import type { ListHeldExtentsResponse as _strata_stream_v1_ListHeldExtentsResponse, ListHeldExtentsResponse__Output as _strata_stream_v1_ListHeldExtentsResponse__Output } from './strata/stream/v1/ListHeldExtentsResponse.js';
import type { ListStreamsRequest as _strata_stream_v1_ListStreamsRequest, ListStreamsRequest__Output as _strata_stream_v1_ListStreamsRequest__Output } from './strata/stream/v1/ListStreamsRequest.js';
import type { ListStreamsResponse as _strata_stream_v1_ListStreamsResponse, ListStreamsResponse__Output as _strata_stream_v1_ListStreamsResponse__Output } from './strata/stream/v1/ListStreamsResponse.js';
import type { ReleaseExtentsRequest as _strata_stream_v1_ReleaseExtentsRequest, ReleaseExtentsRequest__Output as _strata_stream_v1_ReleaseExtentsRequest__Output } from './strata/stream/v1/ReleaseExtentsRequest.js';
import type { ReleaseHoldsRequest as _strata_stream_v1_ReleaseHoldsRequest, ReleaseHoldsRequest__Output as _strata_stream_v1_ReleaseHoldsRequest__Output } from './strata/stream/v1/ReleaseHoldsRequest.js';
import type { ReleaseHoldsResponse as _strata_stream_v1_ReleaseHoldsResponse, ReleaseHoldsResponse__Output as _strata_stream_v1_ReleaseHoldsResponse__Output } from './strata/stream/v1/ReleaseHoldsResponse.js';
import type { Replica as _strata_stream_v1_Replica, Replica__Output as _strata_stream_v1_Replica__Output } from './strata/stream/v1/Replica.js';
import type { SealExtentRequest as _strata_stream_v1_SealExtentRequest, SealExtentRequest__Output as _strata_stream_v1_SealExtentRequest__Output } from './strata/stream/v1/SealExtentRequest.js';
import type { StreamInfo as _strata_stream_v1_StreamInfo, StreamInfo__Output as _strata_stream_v1_StreamInfo__Output } from './strata/stream/v1/StreamInfo.js';
import type { StreamManagerClient as _strata_stream_v1_StreamManagerClient, StreamManagerDefinition as _strata_stream_v1_StreamManagerDefinition } from './strata/stream/v1/StreamManager.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  strata: {
    stream: {
      v1: {
        BlockPointer: MessageTypeDefinition<_strata_stream_v1_BlockPointer, _strata_stream_v1_BlockPointer__Output>
        CreateStreamRequest: MessageTypeDefinition<_strata_stream_v1_CreateStreamRequest, _strata_stream_v1_CreateStreamRequest__Output>
        DeleteStreamRequest: MessageTypeDefinition<_strata_stream_v1_DeleteStreamRequest, _strata_stream_v1_DeleteStreamRequest__Output>
        DeleteStreamResponse: MessageTypeDefinition<_strata_stream_v1_DeleteStreamResponse, _strata_stream_v1_DeleteStreamResponse__Output>
        ExtentHold: MessageTypeDefinition<_strata_stream_v1_ExtentHold, _strata_stream_v1_ExtentHold__Output>
        ExtentInfo: MessageTypeDefinition<_strata_stream_v1_ExtentInfo, _strata_stream_v1_ExtentInfo__Output>
        GetExtentRequest: MessageTypeDefinition<_strata_stream_v1_GetExtentRequest, _strata_stream_v1_GetExtentRequest__Output>
        GetStreamRequest: MessageTypeDefinition<_strata_stream_v1_GetStreamRequest, _strata_stream_v1_GetStreamRequest__Output>
        HoldExtentsRequest: MessageTypeDefinition<_strata_stream_v1_HoldExtentsRequest, _strata_stream_v1_HoldExtentsRequest__Output>
        HoldExtentsResponse: MessageTypeDefinition<_strata_stream_v1_HoldExtentsResponse, _strata_stream_v1_HoldExtentsResponse__Output>
        ListHeldExtentsRequest: MessageTypeDefinition<_strata_stream_v1_ListHeldExtentsRequest, _strata_stream_v1_ListHeldExtentsRequest__Output>
        ListHeldExtentsResponse: MessageTypeDefinition<_strata_stream_v1_ListHeldExtentsResponse, _strata_stream_v1_ListHeldExtentsResponse__Output>
        ListStreamsRequest: MessageTypeDefinition<_strata_stream_v1_ListStreamsRequest, _strata_stream_v1_ListStreamsRequest__Output>
        ListStreamsResponse: MessageTypeDefinition<_strata_stream_v1_ListStreamsResponse, _strata_stream_v1_ListStreamsResponse__Output>
        ReleaseExtentsRequest: MessageTypeDefinition<_strata_stream_v1_ReleaseExtentsRequest, _strata_stream_v1_ReleaseExtentsRequest__Output>
        ReleaseHoldsRequest: MessageTypeDefinition<_strata_stream_v1_ReleaseHoldsRequest, _strata_stream_v1_ReleaseHoldsRequest__Output>
        ReleaseHoldsResponse: MessageTypeDefinition<_strata_stream_v1_ReleaseHoldsResponse, _strata_stream_v1_ReleaseHoldsResponse__Output>
        Replica: MessageTypeDefinition<_strata_stream_v1_Replica, _strata_stream_v1_Replica__Output>
        SealExtentRequest: MessageTypeDefinition<_strata_stream_v1_SealExtentRequest, _strata_stream_v1_SealExtentRequest__Output>
        StreamInfo: MessageTypeDefinition<_strata_stream_v1_StreamInfo, _strata_stream_v1_StreamInfo__Output>
        StreamManager: SubtypeConstructor<typeof grpc.Client, _strata_stream_v1_StreamManagerClient> & { service: _strata_stream_v1_StreamManagerDefinition }
      }
    }
  }
}

