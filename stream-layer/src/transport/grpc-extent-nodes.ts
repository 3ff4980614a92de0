import type * as grpc from '@grpc/grpc-js';
import {
  callMetadata,
  callOptions,
  ClientPool,
  fromServiceError,
  messageBytesOf,
  passThroughBidiStream,
  unary,
  type CallContext,
  rethrowIfAssertion,
} from '@strata/common';
import { extentNodeProto, type streamV1 } from '@strata/protos';
import type { AppendChannel, AppendHandlers, ExtentNodeApi, ExtentNodes } from './extent-node-api.js';

type Done<Reply> = (error: grpc.ServiceError | null, reply?: Reply) => void;

/** Extent nodes over gRPC: one client (one HTTP/2 connection) per node address. */
export class GrpcExtentNodes implements ExtentNodes {
  private readonly pool = new ClientPool(extentNodeProto().ExtentNode);
  private readonly nodes = new Map<string, ExtentNodeApi>();

  at(address: string): ExtentNodeApi {
    let node = this.nodes.get(address);
    if (!node) {
      node = grpcExtentNode(this.pool.get(address));
      this.nodes.set(address, node);
    }
    return node;
  }

  close(): void {
    this.nodes.clear();
    this.pool.close();
  }
}

function grpcExtentNode(client: streamV1.ExtentNodeClient): ExtentNodeApi {
  const call = <Reply>(context: CallContext, invoke: (metadata: grpc.Metadata, options: grpc.CallOptions, done: Done<Reply>) => void): Promise<Reply> =>
    unary<Reply>((done) => invoke(callMetadata(context), callOptions(context), done));
  return {
    createExtent: async (request, context) => {
      await call(context, (metadata, options, done) => client.createExtent(request, metadata, options, done));
    },
    replicaInfo: (request, context) => call(context, (metadata, options, done) => client.getReplicaInfo(request, metadata, options, done)),
    sealReplica: (request, context) => call(context, (metadata, options, done) => client.sealReplica(request, metadata, options, done)),
    listReplicas: (context) => call(context, (metadata, options, done) => client.listReplicas({}, metadata, options, done)),
    deleteReplica: async (request, context) => {
      await call(context, (metadata, options, done) => client.deleteReplica(request, metadata, options, done));
    },
    copyReplica: (request, context) => call(context, (metadata, options, done) => client.copyReplica(request, metadata, options, done)),
    nodeStats: (context) => call(context, (metadata, options, done) => client.getNodeStats({}, metadata, options, done)),
    readBlocks: (request, context) => readBlocks(client, request, context),
    openAppend: (handlers, options) => openAppend(client, handlers, options),
  };
}

async function* readBlocks(
  client: streamV1.ExtentNodeClient,
  request: streamV1.ReadBlocksRequest,
  context: CallContext,
): AsyncGenerator<streamV1.ReadBlocksResponse__Output> {
  const call = client.readBlocks(request, callMetadata(context), callOptions(context));
  try {
    for await (const message of call as AsyncIterable<streamV1.ReadBlocksResponse__Output>) yield message;
  } catch (error) {
    rethrowIfAssertion(error);
    throw fromServiceError(error);
  } finally {
    call.cancel();
  }
}

/**
 * An append session over one bidirectional call. A request decoded by a node that keeps its
 * request bytes (a chain node forwarding it) goes out as those bytes, unchanged: decoding was
 * only to check it, and re-encoding would copy every payload byte once more.
 */
function openAppend(client: streamV1.ExtentNodeClient, handlers: AppendHandlers, options: { requestId?: string }): AppendChannel {
  const metadata = callMetadata({ timeoutMs: 0, ...(options.requestId ? { requestId: options.requestId } : {}) });
  const stream = passThroughBidiStream(client, extentNodeProto().ExtentNode.service.Append, metadata);
  const encode = extentNodeProto().ExtentNode.service.Append.requestSerialize;
  stream.on('data', (reply: streamV1.AppendResponse__Output) => handlers.onAck({ offset: Number(reply.offset), end: Number(reply.end) }));
  stream.on('error', (error) => handlers.onError(fromServiceError(error)));
  stream.on('end', () => handlers.onEnd());
  return {
    send: (request) => stream.write(messageBytesOf(request) ?? encode(request)),
    end: () => stream.end(),
    cancel: () => stream.cancel(),
  };
}
