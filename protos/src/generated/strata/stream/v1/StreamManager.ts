// Original file: strata/stream/v1/stream_manager.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CreateStreamRequest as _strata_stream_v1_CreateStreamRequest, CreateStreamRequest__Output as _strata_stream_v1_CreateStreamRequest__Output } from '../../../strata/stream/v1/CreateStreamRequest.js';
import type { DeleteStreamRequest as _strata_stream_v1_DeleteStreamRequest, DeleteStreamRequest__Output as _strata_stream_v1_DeleteStreamRequest__Output } from '../../../strata/stream/v1/DeleteStreamRequest.js';
import type { DeleteStreamResponse as _strata_stream_v1_DeleteStreamResponse, DeleteStreamResponse__Output as _strata_stream_v1_DeleteStreamResponse__Output } from '../../../strata/stream/v1/DeleteStreamResponse.js';
import type { ExtentInfo as _strata_stream_v1_ExtentInfo, ExtentInfo__Output as _strata_stream_v1_ExtentInfo__Output } from '../../../strata/stream/v1/ExtentInfo.js';
import type { GetExtentRequest as _strata_stream_v1_GetExtentRequest, GetExtentRequest__Output as _strata_stream_v1_GetExtentRequest__Output } from '../../../strata/stream/v1/GetExtentRequest.js';
import type { GetStreamRequest as _strata_stream_v1_GetStreamRequest, GetStreamRequest__Output as _strata_stream_v1_GetStreamRequest__Output } from '../../../strata/stream/v1/GetStreamRequest.js';
import type { ListStreamsRequest as _strata_stream_v1_ListStreamsRequest, ListStreamsRequest__Output as _strata_stream_v1_ListStreamsRequest__Output } from '../../../strata/stream/v1/ListStreamsRequest.js';
import type { ListStreamsResponse as _strata_stream_v1_ListStreamsResponse, ListStreamsResponse__Output as _strata_stream_v1_ListStreamsResponse__Output } from '../../../strata/stream/v1/ListStreamsResponse.js';
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
  
  ListStreams(argument: _strata_stream_v1_ListStreamsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ListStreamsResponse__Output>): grpc.ClientUnaryCall;
  ListStreams(argument: _strata_stream_v1_ListStreamsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_ListStreamsResponse__Output>): grpc.ClientUnaryCall;
  ListStreams(argument: _strata_stream_v1_ListStreamsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ListStreamsResponse__Output>): grpc.ClientUnaryCall;
  ListStreams(argument: _strata_stream_v1_ListStreamsRequest, callback: grpc.requestCallback<_strata_stream_v1_ListStreamsResponse__Output>): grpc.ClientUnaryCall;
  listStreams(argument: _strata_stream_v1_ListStreamsRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ListStreamsResponse__Output>): grpc.ClientUnaryCall;
  listStreams(argument: _strata_stream_v1_ListStreamsRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_strata_stream_v1_ListStreamsResponse__Output>): grpc.ClientUnaryCall;
  listStreams(argument: _strata_stream_v1_ListStreamsRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_strata_stream_v1_ListStreamsResponse__Output>): grpc.ClientUnaryCall;
  listStreams(argument: _strata_stream_v1_ListStreamsRequest, callback: grpc.requestCallback<_strata_stream_v1_ListStreamsResponse__Output>): grpc.ClientUnaryCall;
  
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
  
  ListStreams: grpc.handleUnaryCall<_strata_stream_v1_ListStreamsRequest__Output, _strata_stream_v1_ListStreamsResponse>;
  
  SealExtent: grpc.handleUnaryCall<_strata_stream_v1_SealExtentRequest__Output, _strata_stream_v1_StreamInfo>;
  
}

export interface StreamManagerDefinition extends grpc.ServiceDefinition {
  CreateStream: MethodDefinition<_strata_stream_v1_CreateStreamRequest, _strata_stream_v1_StreamInfo, _strata_stream_v1_CreateStreamRequest__Output, _strata_stream_v1_StreamInfo__Output>
  DeleteStream: MethodDefinition<_strata_stream_v1_DeleteStreamRequest, _strata_stream_v1_DeleteStreamResponse, _strata_stream_v1_DeleteStreamRequest__Output, _strata_stream_v1_DeleteStreamResponse__Output>
  GetExtent: MethodDefinition<_strata_stream_v1_GetExtentRequest, _strata_stream_v1_ExtentInfo, _strata_stream_v1_GetExtentRequest__Output, _strata_stream_v1_ExtentInfo__Output>
  GetStream: MethodDefinition<_strata_stream_v1_GetStreamRequest, _strata_stream_v1_StreamInfo, _strata_stream_v1_GetStreamRequest__Output, _strata_stream_v1_StreamInfo__Output>
  ListStreams: MethodDefinition<_strata_stream_v1_ListStreamsRequest, _strata_stream_v1_ListStreamsResponse, _strata_stream_v1_ListStreamsRequest__Output, _strata_stream_v1_ListStreamsResponse__Output>
  SealExtent: MethodDefinition<_strata_stream_v1_SealExtentRequest, _strata_stream_v1_StreamInfo, _strata_stream_v1_SealExtentRequest__Output, _strata_stream_v1_StreamInfo__Output>
}
