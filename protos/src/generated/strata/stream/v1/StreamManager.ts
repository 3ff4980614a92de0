// Original file: strata/stream/v1/stream_manager.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateStreamRequest as _strata_stream_v1_CreateStreamRequest, CreateStreamRequest__Output as _strata_stream_v1_CreateStreamRequest__Output } from '../../../strata/stream/v1/CreateStreamRequest.js';
import type { DeleteStreamRequest as _strata_stream_v1_DeleteStreamRequest, DeleteStreamRequest__Output as _strata_stream_v1_DeleteStreamRequest__Output } from '../../../strata/stream/v1/DeleteStreamRequest.js';
import type { DeleteStreamResponse as _strata_stream_v1_DeleteStreamResponse, DeleteStreamResponse__Output as _strata_stream_v1_DeleteStreamResponse__Output } from '../../../strata/stream/v1/DeleteStreamResponse.js';
import type { ExtentInfo as _strata_stream_v1_ExtentInfo, ExtentInfo__Output as _strata_stream_v1_ExtentInfo__Output } from '../../../strata/stream/v1/ExtentInfo.js';
import type { GetExtentRequest as _strata_stream_v1_GetExtentRequest, GetExtentRequest__Output as _strata_stream_v1_GetExtentRequest__Output } from '../../../strata/stream/v1/GetExtentRequest.js';
import type { GetStreamRequest as _strata_stream_v1_GetStreamRequest, GetStreamRequest__Output as _strata_stream_v1_GetStreamRequest__Output } from '../../../strata/stream/v1/GetStreamRequest.js';
import type { HoldExtentsRequest as _strata_stream_v1_HoldExtentsRequest, HoldExtentsRequest__Output as _strata_stream_v1_HoldExtentsRequest__Output } from '../../../strata/stream/v1/HoldExtentsRequest.js';
import type { HoldExtentsResponse as _strata_stream_v1_HoldExtentsResponse, HoldExtentsResponse__Output as _strata_stream_v1_HoldExtentsResponse__Output } from '../../../strata/stream/v1/HoldExtentsResponse.js';
import type { ListHeldExtentsRequest as _strata_stream_v1_ListHeldExtentsRequest, ListHeldExtentsRequest__Output as _strata_stream_v1_ListHeldExtentsRequest__Output } from '../../../strata/stream/v1/ListHeldExtentsRequest.js';
import type { ListHeldExtentsResponse as _strata_stream_v1_ListHeldExtentsResponse, ListHeldExtentsResponse__Output as _strata_stream_v1_ListHeldExtentsResponse__Output } from '../../../strata/stream/v1/ListHeldExtentsResponse.js';
import type { ListStreamsRequest as _strata_stream_v1_ListStreamsRequest, ListStreamsRequest__Output as _strata_stream_v1_ListStreamsRequest__Output } from '../../../strata/stream/v1/ListStreamsRequest.js';
import type { ListStreamsResponse as _strata_stream_v1_ListStreamsResponse, ListStreamsResponse__Output as _strata_stream_v1_ListStreamsResponse__Output } from '../../../strata/stream/v1/ListStreamsResponse.js';
import type { ReleaseExtentsRequest as _strata_stream_v1_ReleaseExtentsRequest, ReleaseExtentsRequest__Output as _strata_stream_v1_ReleaseExtentsRequest__Output } from '../../../strata/stream/v1/ReleaseExtentsRequest.js';
import type { ReleaseHoldsRequest as _strata_stream_v1_ReleaseHoldsRequest, ReleaseHoldsRequest__Output as _strata_stream_v1_ReleaseHoldsRequest__Output } from '../../../strata/stream/v1/ReleaseHoldsRequest.js';
import type { ReleaseHoldsResponse as _strata_stream_v1_ReleaseHoldsResponse, ReleaseHoldsResponse__Output as _strata_stream_v1_ReleaseHoldsResponse__Output } from '../../../strata/stream/v1/ReleaseHoldsResponse.js';
import type { SealExtentRequest as _strata_stream_v1_SealExtentRequest, SealExtentRequest__Output as _strata_stream_v1_SealExtentRequest__Output } from '../../../strata/stream/v1/SealExtentRequest.js';
import type { StreamInfo as _strata_stream_v1_StreamInfo, StreamInfo__Output as _strata_stream_v1_StreamInfo__Output } from '../../../strata/stream/v1/StreamInfo.js';

export interface StreamManagerClient extends grpc.Client {
  CreateStream(argument: _strata_stream_v1_CreateStreamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  CreateStream(argument: _strata_stream_v1_CreateStreamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  CreateStream(argument: _strata_stream_v1_CreateStreamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  CreateStream(argument: _strata_stream_v1_CreateStreamRequest, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  createStream(argument: _strata_stream_v1_CreateStreamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  createStream(argument: _strata_stream_v1_CreateStreamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  createStream(argument: _strata_stream_v1_CreateStreamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  createStream(argument: _strata_stream_v1_CreateStreamRequest, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  
  DeleteStream(argument: _strata_stream_v1_DeleteStreamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_DeleteStreamResponse__Output>): grpc.ClientUnaryCall;
  DeleteStream(argument: _strata_stream_v1_DeleteStreamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_DeleteStreamResponse__Output>): grpc.ClientUnaryCall;
  DeleteStream(argument: _strata_stream_v1_DeleteStreamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_DeleteStreamResponse__Output>): grpc.ClientUnaryCall;
  DeleteStream(argument: _strata_stream_v1_DeleteStreamRequest, callback: grpc.requestCallback<_strata_stream_v1_DeleteStreamResponse__Output>): grpc.ClientUnaryCall;
  deleteStream(argument: _strata_stream_v1_DeleteStreamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_DeleteStreamResponse__Output>): grpc.ClientUnaryCall;
  deleteStream(argument: _strata_stream_v1_DeleteStreamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_DeleteStreamResponse__Output>): grpc.ClientUnaryCall;
  deleteStream(argument: _strata_stream_v1_DeleteStreamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_DeleteStreamResponse__Output>): grpc.ClientUnaryCall;
  deleteStream(argument: _strata_stream_v1_DeleteStreamRequest, callback: grpc.requestCallback<_strata_stream_v1_DeleteStreamResponse__Output>): grpc.ClientUnaryCall;
  
  GetExtent(argument: _strata_stream_v1_GetExtentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ExtentInfo__Output>): grpc.ClientUnaryCall;
  GetExtent(argument: _strata_stream_v1_GetExtentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_ExtentInfo__Output>): grpc.ClientUnaryCall;
  GetExtent(argument: _strata_stream_v1_GetExtentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ExtentInfo__Output>): grpc.ClientUnaryCall;
  GetExtent(argument: _strata_stream_v1_GetExtentRequest, callback: grpc.requestCallback<_strata_stream_v1_ExtentInfo__Output>): grpc.ClientUnaryCall;
  getExtent(argument: _strata_stream_v1_GetExtentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ExtentInfo__Output>): grpc.ClientUnaryCall;
  getExtent(argument: _strata_stream_v1_GetExtentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_ExtentInfo__Output>): grpc.ClientUnaryCall;
  getExtent(argument: _strata_stream_v1_GetExtentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ExtentInfo__Output>): grpc.ClientUnaryCall;
  getExtent(argument: _strata_stream_v1_GetExtentRequest, callback: grpc.requestCallback<_strata_stream_v1_ExtentInfo__Output>): grpc.ClientUnaryCall;
  
  GetStream(argument: _strata_stream_v1_GetStreamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  GetStream(argument: _strata_stream_v1_GetStreamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  GetStream(argument: _strata_stream_v1_GetStreamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  GetStream(argument: _strata_stream_v1_GetStreamRequest, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  getStream(argument: _strata_stream_v1_GetStreamRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  getStream(argument: _strata_stream_v1_GetStreamRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  getStream(argument: _strata_stream_v1_GetStreamRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  getStream(argument: _strata_stream_v1_GetStreamRequest, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  
  HoldExtents(argument: _strata_stream_v1_HoldExtentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_HoldExtentsResponse__Output>): grpc.ClientUnaryCall;
  HoldExtents(argument: _strata_stream_v1_HoldExtentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_HoldExtentsResponse__Output>): grpc.ClientUnaryCall;
  HoldExtents(argument: _strata_stream_v1_HoldExtentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_HoldExtentsResponse__Output>): grpc.ClientUnaryCall;
  HoldExtents(argument: _strata_stream_v1_HoldExtentsRequest, callback: grpc.requestCallback<_strata_stream_v1_HoldExtentsResponse__Output>): grpc.ClientUnaryCall;
  holdExtents(argument: _strata_stream_v1_HoldExtentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_HoldExtentsResponse__Output>): grpc.ClientUnaryCall;
  holdExtents(argument: _strata_stream_v1_HoldExtentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_HoldExtentsResponse__Output>): grpc.ClientUnaryCall;
  holdExtents(argument: _strata_stream_v1_HoldExtentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_HoldExtentsResponse__Output>): grpc.ClientUnaryCall;
  holdExtents(argument: _strata_stream_v1_HoldExtentsRequest, callback: grpc.requestCallback<_strata_stream_v1_HoldExtentsResponse__Output>): grpc.ClientUnaryCall;
  
  ListHeldExtents(argument: _strata_stream_v1_ListHeldExtentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ListHeldExtentsResponse__Output>): grpc.ClientUnaryCall;
  ListHeldExtents(argument: _strata_stream_v1_ListHeldExtentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_ListHeldExtentsResponse__Output>): grpc.ClientUnaryCall;
  ListHeldExtents(argument: _strata_stream_v1_ListHeldExtentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ListHeldExtentsResponse__Output>): grpc.ClientUnaryCall;
  ListHeldExtents(argument: _strata_stream_v1_ListHeldExtentsRequest, callback: grpc.requestCallback<_strata_stream_v1_ListHeldExtentsResponse__Output>): grpc.ClientUnaryCall;
  listHeldExtents(argument: _strata_stream_v1_ListHeldExtentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ListHeldExtentsResponse__Output>): grpc.ClientUnaryCall;
  listHeldExtents(argument: _strata_stream_v1_ListHeldExtentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_ListHeldExtentsResponse__Output>): grpc.ClientUnaryCall;
  listHeldExtents(argument: _strata_stream_v1_ListHeldExtentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ListHeldExtentsResponse__Output>): grpc.ClientUnaryCall;
  listHeldExtents(argument: _strata_stream_v1_ListHeldExtentsRequest, callback: grpc.requestCallback<_strata_stream_v1_ListHeldExtentsResponse__Output>): grpc.ClientUnaryCall;
  
  ListStreams(argument: _strata_stream_v1_ListStreamsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ListStreamsResponse__Output>): grpc.ClientUnaryCall;
  ListStreams(argument: _strata_stream_v1_ListStreamsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_ListStreamsResponse__Output>): grpc.ClientUnaryCall;
  ListStreams(argument: _strata_stream_v1_ListStreamsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ListStreamsResponse__Output>): grpc.ClientUnaryCall;
  ListStreams(argument: _strata_stream_v1_ListStreamsRequest, callback: grpc.requestCallback<_strata_stream_v1_ListStreamsResponse__Output>): grpc.ClientUnaryCall;
  listStreams(argument: _strata_stream_v1_ListStreamsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ListStreamsResponse__Output>): grpc.ClientUnaryCall;
  listStreams(argument: _strata_stream_v1_ListStreamsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_ListStreamsResponse__Output>): grpc.ClientUnaryCall;
  listStreams(argument: _strata_stream_v1_ListStreamsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ListStreamsResponse__Output>): grpc.ClientUnaryCall;
  listStreams(argument: _strata_stream_v1_ListStreamsRequest, callback: grpc.requestCallback<_strata_stream_v1_ListStreamsResponse__Output>): grpc.ClientUnaryCall;
  
  ReleaseExtents(argument: _strata_stream_v1_ReleaseExtentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  ReleaseExtents(argument: _strata_stream_v1_ReleaseExtentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  ReleaseExtents(argument: _strata_stream_v1_ReleaseExtentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  ReleaseExtents(argument: _strata_stream_v1_ReleaseExtentsRequest, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  releaseExtents(argument: _strata_stream_v1_ReleaseExtentsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  releaseExtents(argument: _strata_stream_v1_ReleaseExtentsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  releaseExtents(argument: _strata_stream_v1_ReleaseExtentsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  releaseExtents(argument: _strata_stream_v1_ReleaseExtentsRequest, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  
  ReleaseHolds(argument: _strata_stream_v1_ReleaseHoldsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ReleaseHoldsResponse__Output>): grpc.ClientUnaryCall;
  ReleaseHolds(argument: _strata_stream_v1_ReleaseHoldsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_ReleaseHoldsResponse__Output>): grpc.ClientUnaryCall;
  ReleaseHolds(argument: _strata_stream_v1_ReleaseHoldsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ReleaseHoldsResponse__Output>): grpc.ClientUnaryCall;
  ReleaseHolds(argument: _strata_stream_v1_ReleaseHoldsRequest, callback: grpc.requestCallback<_strata_stream_v1_ReleaseHoldsResponse__Output>): grpc.ClientUnaryCall;
  releaseHolds(argument: _strata_stream_v1_ReleaseHoldsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ReleaseHoldsResponse__Output>): grpc.ClientUnaryCall;
  releaseHolds(argument: _strata_stream_v1_ReleaseHoldsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_ReleaseHoldsResponse__Output>): grpc.ClientUnaryCall;
  releaseHolds(argument: _strata_stream_v1_ReleaseHoldsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ReleaseHoldsResponse__Output>): grpc.ClientUnaryCall;
  releaseHolds(argument: _strata_stream_v1_ReleaseHoldsRequest, callback: grpc.requestCallback<_strata_stream_v1_ReleaseHoldsResponse__Output>): grpc.ClientUnaryCall;
  
  SealExtent(argument: _strata_stream_v1_SealExtentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  SealExtent(argument: _strata_stream_v1_SealExtentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  SealExtent(argument: _strata_stream_v1_SealExtentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  SealExtent(argument: _strata_stream_v1_SealExtentRequest, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  sealExtent(argument: _strata_stream_v1_SealExtentRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  sealExtent(argument: _strata_stream_v1_SealExtentRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  sealExtent(argument: _strata_stream_v1_SealExtentRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  sealExtent(argument: _strata_stream_v1_SealExtentRequest, callback: grpc.requestCallback<_strata_stream_v1_StreamInfo__Output>): grpc.ClientUnaryCall;
  
}

export interface StreamManagerHandlers extends grpc.UntypedServiceImplementation {
  CreateStream: grpc.handleUnaryCall<_strata_stream_v1_CreateStreamRequest__Output, _strata_stream_v1_StreamInfo>;
  
  DeleteStream: grpc.handleUnaryCall<_strata_stream_v1_DeleteStreamRequest__Output, _strata_stream_v1_DeleteStreamResponse>;
  
  GetExtent: grpc.handleUnaryCall<_strata_stream_v1_GetExtentRequest__Output, _strata_stream_v1_ExtentInfo>;
  
  GetStream: grpc.handleUnaryCall<_strata_stream_v1_GetStreamRequest__Output, _strata_stream_v1_StreamInfo>;
  
  HoldExtents: grpc.handleUnaryCall<_strata_stream_v1_HoldExtentsRequest__Output, _strata_stream_v1_HoldExtentsResponse>;
  
  ListHeldExtents: grpc.handleUnaryCall<_strata_stream_v1_ListHeldExtentsRequest__Output, _strata_stream_v1_ListHeldExtentsResponse>;
  
  ListStreams: grpc.handleUnaryCall<_strata_stream_v1_ListStreamsRequest__Output, _strata_stream_v1_ListStreamsResponse>;
  
  ReleaseExtents: grpc.handleUnaryCall<_strata_stream_v1_ReleaseExtentsRequest__Output, _strata_stream_v1_StreamInfo>;
  
  ReleaseHolds: grpc.handleUnaryCall<_strata_stream_v1_ReleaseHoldsRequest__Output, _strata_stream_v1_ReleaseHoldsResponse>;
  
  SealExtent: grpc.handleUnaryCall<_strata_stream_v1_SealExtentRequest__Output, _strata_stream_v1_StreamInfo>;
  
}

export interface StreamManagerDefinition extends grpc.ServiceDefinition {
  CreateStream: MethodDefinition<_strata_stream_v1_CreateStreamRequest, _strata_stream_v1_StreamInfo, _strata_stream_v1_CreateStreamRequest__Output, _strata_stream_v1_StreamInfo__Output>
  DeleteStream: MethodDefinition<_strata_stream_v1_DeleteStreamRequest, _strata_stream_v1_DeleteStreamResponse, _strata_stream_v1_DeleteStreamRequest__Output, _strata_stream_v1_DeleteStreamResponse__Output>
  GetExtent: MethodDefinition<_strata_stream_v1_GetExtentRequest, _strata_stream_v1_ExtentInfo, _strata_stream_v1_GetExtentRequest__Output, _strata_stream_v1_ExtentInfo__Output>
  GetStream: MethodDefinition<_strata_stream_v1_GetStreamRequest, _strata_stream_v1_StreamInfo, _strata_stream_v1_GetStreamRequest__Output, _strata_stream_v1_StreamInfo__Output>
  HoldExtents: MethodDefinition<_strata_stream_v1_HoldExtentsRequest, _strata_stream_v1_HoldExtentsResponse, _strata_stream_v1_HoldExtentsRequest__Output, _strata_stream_v1_HoldExtentsResponse__Output>
  ListHeldExtents: MethodDefinition<_strata_stream_v1_ListHeldExtentsRequest, _strata_stream_v1_ListHeldExtentsResponse, _strata_stream_v1_ListHeldExtentsRequest__Output, _strata_stream_v1_ListHeldExtentsResponse__Output>
  ListStreams: MethodDefinition<_strata_stream_v1_ListStreamsRequest, _strata_stream_v1_ListStreamsResponse, _strata_stream_v1_ListStreamsRequest__Output, _strata_stream_v1_ListStreamsResponse__Output>
  ReleaseExtents: MethodDefinition<_strata_stream_v1_ReleaseExtentsRequest, _strata_stream_v1_StreamInfo, _strata_stream_v1_ReleaseExtentsRequest__Output, _strata_stream_v1_StreamInfo__Output>
  ReleaseHolds: MethodDefinition<_strata_stream_v1_ReleaseHoldsRequest, _strata_stream_v1_ReleaseHoldsResponse, _strata_stream_v1_ReleaseHoldsRequest__Output, _strata_stream_v1_ReleaseHoldsResponse__Output>
  SealExtent: MethodDefinition<_strata_stream_v1_SealExtentRequest, _strata_stream_v1_StreamInfo, _strata_stream_v1_SealExtentRequest__Output, _strata_stream_v1_StreamInfo__Output>
}
