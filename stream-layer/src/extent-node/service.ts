import type * as grpc from '@grpc/grpc-js';
import { keepingRequestBytes, requestIdOf, rethrowIfAssertion, toServiceError, unaryHandler } from '@strata/common';
import { extentNodeProto, type streamV1 } from '@strata/protos';
import { STREAM_ERROR_STATUS } from '../errors.js';
import type { AppendUpstream } from '../transport/extent-node-api.js';
import type { ExtentNodeService } from './extent-node-service.js';

/**
 * The extent node's service definition: the generated one, except that Append keeps each
 * request's bytes, so a node forwards an append down the chain without re-encoding it.
 */
export function extentNodeDefinition(): grpc.ServiceDefinition {
  return keepingRequestBytes(extentNodeProto().ExtentNode.service, 'Append');
}

/** The gRPC edge of an extent node: hands each call to the service and maps its errors. */
export function extentNodeHandlers(service: ExtentNodeService): streamV1.ExtentNodeHandlers {
  const unary = <Request, Response>(handle: (request: Request) => Promise<Response>) =>
    unaryHandler<Request, Response, keyof typeof STREAM_ERROR_STATUS>(STREAM_ERROR_STATUS, handle);

  return {
    CreateExtent: unary<streamV1.CreateExtentRequest__Output, streamV1.CreateExtentResponse>(async (request) => {
      await service.createExtent(request);
      return {};
    }),
    Append: (call) => service.append(grpcUpstream(call)),
    ReadBlocks: (call) => void readBlocks(service, call),
    GetReplicaInfo: unary<streamV1.GetReplicaInfoRequest__Output, streamV1.ReplicaInfo>((request) => service.replicaInfo(request)),
    SealReplica: unary<streamV1.SealReplicaRequest__Output, streamV1.ReplicaInfo>((request) => service.sealReplica(request)),
    ListReplicas: unary<streamV1.ListReplicasRequest__Output, streamV1.ListReplicasResponse>(() => service.listReplicas()),
    DeleteReplica: unary<streamV1.DeleteReplicaRequest__Output, streamV1.DeleteReplicaResponse>(async (request) => {
      await service.deleteReplica(request);
      return {};
    }),
    CopyReplica: unary<streamV1.CopyReplicaRequest__Output, streamV1.ReplicaInfo>((request) => service.copyReplica(request)),
    GetNodeStats: unary<streamV1.GetNodeStatsRequest__Output, streamV1.NodeStats>(async () => service.nodeStats()),
  } satisfies streamV1.ExtentNodeHandlers;
}

type AppendCall = grpc.ServerDuplexStream<streamV1.AppendRequest__Output, streamV1.AppendResponse>;

/** An Append call as the service's upstream. */
function grpcUpstream(call: AppendCall): AppendUpstream {
  return {
    requestId: requestIdOf(call),
    start: (handlers) => {
      call.on('data', (request: streamV1.AppendRequest__Output) => handlers.onRequest(request));
      call.on('end', () => handlers.onEnd());
      call.on('cancelled', () => handlers.onGone());
      call.on('error', () => handlers.onGone());
    },
    acknowledge: (ack) => void call.write(ack),
    fail: (error) => void call.emit('error', toServiceError(error, STREAM_ERROR_STATUS)),
    end: () => call.end(),
    pause: () => call.pause(),
    resume: () => call.resume(),
  };
}

type ReadCall = grpc.ServerWritableStream<streamV1.ReadBlocksRequest__Output, streamV1.ReadBlocksResponse>;

/** Streams a read, waiting for the caller to drain when its buffer is full. */
async function readBlocks(service: ExtentNodeService, call: ReadCall): Promise<void> {
  try {
    for await (const block of service.readBlocks(call.request)) {
      if (call.cancelled) return;
      if (!call.write(block)) await writable(call);
    }
    call.end();
  } catch (error) {
    rethrowIfAssertion(error);
    call.emit('error', toServiceError(error, STREAM_ERROR_STATUS));
  }
}

/** Resolves when the call can take more messages, or when it is gone. */
function writable(call: ReadCall): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      call.off('drain', done);
      call.off('cancelled', done);
      call.off('close', done);
      resolve();
    };
    call.on('drain', done);
    call.on('cancelled', done);
    call.on('close', done);
  });
}
