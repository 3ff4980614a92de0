import type * as grpc from '@grpc/grpc-js';
import { unaryHandler } from '@strata/common';
import { extentNodeProto, type streamV1 } from '@strata/protos';
import { STREAM_ERROR_STATUS } from '../errors.js';
import type { ExtentNodeService } from './extent-node-service.js';

/** The extent node's control service definition (appends and reads go over the block transport). */
export function extentNodeDefinition(): grpc.ServiceDefinition {
  return extentNodeProto().ExtentNode.service;
}

/** The gRPC edge of an extent node's control calls: hands each call to the service and maps its errors. */
export function extentNodeHandlers(service: ExtentNodeService): streamV1.ExtentNodeHandlers {
  const unary = <Request, Response>(handle: (request: Request) => Promise<Response>) =>
    unaryHandler<Request, Response, keyof typeof STREAM_ERROR_STATUS>(STREAM_ERROR_STATUS, handle);

  return {
    CreateExtent: unary<streamV1.CreateExtentRequest__Output, streamV1.CreateExtentResponse>(async (request) => {
      await service.createExtent(request);
      return {};
    }),
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
