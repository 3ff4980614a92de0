import type * as grpc from '@grpc/grpc-js';
import { isStrataError, keepingRequestBytes, toServiceError, unaryHandler, type ClientPool, type Logger } from '@strata/common';
import { extentNodeProto, type streamV1 } from '@strata/protos';
import { STREAM_ERROR_STATUS, StreamError } from '../errors.js';
import { BLOCK_HEADER_BYTES } from '../limits.js';
import type { NodeDirectory } from '../client/node-directory.js';
import { ChainAppendSession } from './chain-append.js';
import type { ExtentStore } from './extent-store.js';
import { copyReplica } from './replica-copy.js';

export interface ExtentNodeServiceDeps {
  nodeId: string;
  store: ExtentStore;
  directory: NodeDirectory;
  peers: ClientPool<streamV1.ExtentNodeClient>;
  log: Logger;
  /** Whether the node is too full to take a new extent. */
  isFull: () => boolean;
  /** Called when writing to a replica failed (a full disk, an I/O error). */
  onWriteFailure: (error: unknown) => void;
  /** Counters since start, reported by GetNodeStats. */
  stats: { readCalls: number; readBytes: number };
}

/**
 * The extent node's service definition: the generated one, except that Append keeps each
 * request's bytes, so a node forwards an append down the chain without re-encoding it.
 */
export function extentNodeDefinition(): grpc.ServiceDefinition {
  return keepingRequestBytes(extentNodeProto().ExtentNode.service, 'Append');
}

/** The gRPC edge of an extent node: validates, calls the store, maps errors. */
export function extentNodeHandlers(deps: ExtentNodeServiceDeps): streamV1.ExtentNodeHandlers {
  const unary = <Request, Response>(handle: (request: Request) => Promise<Response>) =>
    unaryHandler<Request, Response, keyof typeof STREAM_ERROR_STATUS>(STREAM_ERROR_STATUS, handle);

  return {
    CreateExtent: unary<streamV1.CreateExtentRequest__Output, streamV1.CreateExtentResponse>(async (request) => {
      if (deps.isFull()) throw new StreamError('NODE_FULL', `extent node ${deps.nodeId} is full`);
      await deps.store.create(
        request.extentId,
        request.replicas.map((replica) => replica.nodeId),
      );
      deps.log.info({ extentId: request.extentId, chain: request.replicas.map((r) => r.nodeId) }, 'extent created');
      return {};
    }),

    Append: (call) => new ChainAppendSession(deps, call).start(),

    ReadBlocks: (call) => void readBlocks(deps, call),

    GetReplicaInfo: unary<streamV1.GetReplicaInfoRequest__Output, streamV1.ReplicaInfo>(async (request) => {
      const replica = deps.store.get(request.extentId);
      const lengthBytes = request.freeze ? await deps.store.freeze(request.extentId) : replica.file.durableBytes;
      return { extentId: request.extentId, lengthBytes, sealed: replica.file.sealed, frozen: replica.file.frozen };
    }),

    SealReplica: unary<streamV1.SealReplicaRequest__Output, streamV1.ReplicaInfo>(async (request) => {
      await deps.store.seal(request.extentId, request.lengthBytes);
      deps.log.info({ extentId: request.extentId, lengthBytes: request.lengthBytes }, 'replica sealed');
      return { extentId: request.extentId, lengthBytes: request.lengthBytes, sealed: true, frozen: true };
    }),

    ListReplicas: unary<streamV1.ListReplicasRequest__Output, streamV1.ListReplicasResponse>(async () => ({
      replicas: deps.store.list().map((meta) => ({
        extentId: meta.extentId,
        lengthBytes: deps.store.get(meta.extentId).file.durableBytes,
        sealed: meta.state === 'sealed',
        frozen: meta.state !== 'open',
        corrupt: meta.corrupt ?? false,
        createdMs: meta.createdMs,
        chain: meta.chain,
      })),
      freeBytes: await deps.store.disk.freeBytes(),
    })),

    DeleteReplica: unary<streamV1.DeleteReplicaRequest__Output, streamV1.DeleteReplicaResponse>(async (request) => {
      await deps.store.remove(request.extentId);
      deps.log.info({ extentId: request.extentId }, 'replica deleted');
      return {};
    }),

    CopyReplica: unary<streamV1.CopyReplicaRequest__Output, streamV1.ReplicaInfo>(async (request) => {
      const bytes = await copyReplica({ store: deps.store, peers: deps.peers, request });
      deps.log.info({ extentId: request.extentId, bytes, from: request.source?.nodeId }, 'replica copied');
      return { extentId: request.extentId, lengthBytes: bytes, sealed: true, frozen: true };
    }),

    GetNodeStats: unary<streamV1.GetNodeStatsRequest__Output, streamV1.NodeStats>(async () => ({ ...deps.stats })),
  } satisfies streamV1.ExtentNodeHandlers;
}

type ReadCall = grpc.ServerWritableStream<streamV1.ReadBlocksRequest__Output, streamV1.ReadBlocksResponse>;

async function readBlocks(deps: ExtentNodeServiceDeps, call: ReadCall): Promise<void> {
  const { extentId, offset, lengthBytes } = call.request;
  try {
    const replica = deps.store.get(extentId);
    if (replica.meta.corrupt) throw new StreamError('CHECKSUM_MISMATCH', `the replica of ${extentId} here is corrupt`);
    deps.stats.readCalls++;
    for await (const block of replica.file.read(offset, lengthBytes)) {
      deps.stats.readBytes += BLOCK_HEADER_BYTES + block.data.length;
      if (call.cancelled) return;
      if (!call.write({ offset: block.offset, data: block.data, flags: block.flags })) await writable(call);
    }
    call.end();
  } catch (error) {
    if (isStrataError(error, ['CHECKSUM_MISMATCH']) && (await deps.store.markCorrupt(extentId).catch(() => false))) {
      deps.log.error({ extentId, err: error }, 'read found a corrupt replica');
    }
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
