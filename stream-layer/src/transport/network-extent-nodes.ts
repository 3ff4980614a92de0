import type * as grpc from '@grpc/grpc-js';
import { callMetadata, callOptions, ClientPool, StrataError, systemClock, unary, type CallContext, type Clock } from '@strata/common';
import { extentNodeProto } from '@strata/protos';
import { BlockClient } from './block/block-client.js';
import type { AppendChannel, AppendHandlers, ExtentNodeApi, ExtentNodes, NodeAddress, ReadBlock } from './extent-node-api.js';

type Done<Reply> = (error: grpc.ServiceError | null, reply?: Reply) => void;

/**
 * Extent nodes over the network: control calls over gRPC (one client, one HTTP/2 connection
 * per node), blob bytes — appends down a chain, reads — over each node's block transport.
 */
export class NetworkExtentNodes implements ExtentNodes {
  private readonly pool = new ClientPool(extentNodeProto().ExtentNode);
  private readonly blocks: BlockClient;

  constructor(clock: Clock = systemClock) {
    this.blocks = new BlockClient(clock);
  }

  at(node: NodeAddress): ExtentNodeApi {
    const client = this.pool.get(node.address);
    const call = <Reply>(context: CallContext, invoke: (metadata: grpc.Metadata, options: grpc.CallOptions, done: Done<Reply>) => void): Promise<Reply> =>
      unary<Reply>((done) => invoke(callMetadata(context), callOptions(context), done));
    const dataAddress = (): string => {
      if (!node.dataAddress) throw new StrataError('UNAVAILABLE', `extent node ${node.address} has no data address registered`);
      return node.dataAddress;
    };
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
      readBlocks: (request, context): AsyncIterable<ReadBlock> =>
        this.blocks.readBlocks(dataAddress(), { ...request, ...(context.requestId ? { requestId: context.requestId } : {}) }, context),
      openAppend: (handlers: AppendHandlers, options): AppendChannel => this.blocks.openAppend(dataAddress(), handlers, options),
    };
  }

  close(): void {
    this.blocks.close();
    this.pool.close();
  }
}
